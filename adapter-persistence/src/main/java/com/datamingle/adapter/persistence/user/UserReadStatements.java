package com.datamingle.adapter.persistence.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ResultFlag;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;

/**
 * The reads of UserMapper.xml that {@code users show} and {@code users list} need ({@code
 * findById}, {@code findByWorkosUserId}, {@code findByEmail}, {@code search}), built in Java: the
 * same SQL, parameters and result map, without MyBatis parsing the XML (a validating parser, the
 * mapper builder and OGNL for the dynamic {@code search}), which cost such a command about 100 ms
 * of CPU at start-up (BENCHMARKS.md, issue 17). The other statements stay in the XML; calling one
 * of them through a mapper registered here fails with MyBatis' "Invalid bound statement".
 * UserReadsContract compares these statements' results with the XML's.
 */
final class UserReadStatements {
  private static final String NAMESPACE = UserMapper.class.getName();

  private static final String COLUMNS =
      "id, workos_user_id, email, first_name, last_name, profile_picture_url, is_active, is_admin,"
          + " timezone, language, created_at, updated_at, last_login_at, last_session_id";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM users";

  /** The search's conditions in the XML's order; its {@code <where>} drops the first AND. */
  private static final List<Condition> SEARCH_CONDITIONS =
      List.of(
          new Condition("after", UUID.class, "id > ?"),
          new Condition("active", Boolean.class, "is_active = ?"),
          new Condition("admin", Boolean.class, "is_admin = ?"),
          new Condition(
              "pattern",
              String.class,
              "(email LIKE ? ESCAPE '\\' OR lower(first_name) LIKE ? ESCAPE '\\'"
                  + " OR lower(last_name) LIKE ? ESCAPE '\\')"));

  private UserReadStatements() {}

  /**
   * Registers the mapper with these statements alone. Needs the UUID type handler registered.
   * Marking the namespace loaded first is what MyBatis' own XMLMapperBuilder does before it binds
   * the interface; here it keeps {@code addMapper} from looking for UserMapper.xml.
   */
  static void register(Configuration configuration) {
    configuration.addLoadedResource("namespace:" + NAMESPACE);
    configuration.addMapper(UserMapper.class);
    ResultMap userRow = userRow(configuration);
    configuration.addResultMap(userRow);
    select(
        configuration,
        "findById",
        new StaticSqlSource(
            configuration,
            SELECT + " WHERE id = ?",
            List.of(parameter(configuration, "id", UUID.class))),
        userRow);
    select(
        configuration,
        "findByWorkosUserId",
        new StaticSqlSource(
            configuration,
            SELECT + " WHERE workos_user_id = ?",
            List.of(parameter(configuration, "workosUserId", String.class))),
        userRow);
    select(
        configuration,
        "findByEmail",
        new StaticSqlSource(
            configuration,
            SELECT + " WHERE email = ? ORDER BY id",
            List.of(parameter(configuration, "email", String.class))),
        userRow);
    select(configuration, "search", new SearchSql(configuration), userRow);
  }

  /** The XML's {@code userRow}: by position into the record's constructor, id first. */
  private static ResultMap userRow(Configuration configuration) {
    List<ResultMapping> args = new ArrayList<>();
    args.add(arg(configuration, "id", UUID.class, List.of(ResultFlag.CONSTRUCTOR, ResultFlag.ID)));
    for (String column :
        List.of("workos_user_id", "email", "first_name", "last_name", "profile_picture_url")) {
      args.add(arg(configuration, column, String.class));
    }
    args.add(arg(configuration, "is_active", boolean.class));
    args.add(arg(configuration, "is_admin", boolean.class));
    args.add(arg(configuration, "timezone", String.class));
    args.add(arg(configuration, "language", String.class));
    for (String column : List.of("created_at", "updated_at", "last_login_at")) {
      args.add(arg(configuration, column, Instant.class));
    }
    args.add(arg(configuration, "last_session_id", String.class));
    return new ResultMap.Builder(configuration, NAMESPACE + ".userRow", UserRow.class, args, null)
        .build();
  }

  private static ResultMapping arg(Configuration configuration, String column, Class<?> type) {
    return arg(configuration, column, type, List.of(ResultFlag.CONSTRUCTOR));
  }

  private static ResultMapping arg(
      Configuration configuration, String column, Class<?> type, List<ResultFlag> flags) {
    return new ResultMapping.Builder(configuration, null, column, type)
        .flags(new ArrayList<>(flags))
        .build();
  }

  private static ParameterMapping parameter(
      Configuration configuration, String name, Class<?> type) {
    return new ParameterMapping.Builder(configuration, name, type).build();
  }

  private static void select(
      Configuration configuration, String id, SqlSource sql, ResultMap resultMap) {
    configuration.addMappedStatement(
        new MappedStatement.Builder(configuration, NAMESPACE + "." + id, sql, SqlCommandType.SELECT)
            .resultMaps(List.of(resultMap))
            .build());
  }

  private record Condition(String parameter, Class<?> type, String sql) {}

  /** The XML's dynamic {@code search}: each condition only when its parameter is not null. */
  private static final class SearchSql implements SqlSource {
    private final Configuration configuration;

    SearchSql(Configuration configuration) {
      this.configuration = configuration;
    }

    @Override
    public BoundSql getBoundSql(Object parameterObject) {
      Map<?, ?> parameters = (Map<?, ?>) parameterObject;
      StringBuilder sql = new StringBuilder(SELECT);
      List<ParameterMapping> mappings = new ArrayList<>();
      for (Condition condition : SEARCH_CONDITIONS) {
        if (parameters.get(condition.parameter()) == null) {
          continue;
        }
        sql.append(mappings.isEmpty() ? " WHERE " : " AND ").append(condition.sql());
        ParameterMapping mapping =
            parameter(configuration, condition.parameter(), condition.type());
        for (int i = condition.sql().indexOf('?');
            i >= 0;
            i = condition.sql().indexOf('?', i + 1)) {
          mappings.add(mapping);
        }
      }
      sql.append(" ORDER BY id LIMIT ?");
      mappings.add(parameter(configuration, "limit", Integer.class));
      return new BoundSql(configuration, sql.toString(), mappings, parameterObject);
    }
  }
}
