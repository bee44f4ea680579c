package com.datamingle.adapter.web;

import com.datamingle.adapter.web.auth.Role;
import io.javalin.http.Handler;

/**
 * One route of the API: registered from this table, and compared with the OpenAPI document in
 * tests.
 */
public record ApiRoute(String method, String path, Role role, Handler handler) {}
