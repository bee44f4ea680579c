package com.datamingle.domain.archviolation;

import org.apache.ibatis.session.SqlSession;

/** Deliberately bad: a domain class that imports a MyBatis type. */
public class DomainUsesMyBatis {
  SqlSession session;
}
