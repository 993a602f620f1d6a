package com.extensioncallouts.problem;

/** One invalid field of a request: {@code field} is a JSON path such as {@code authentication.password}. */
public record FieldProblem(String field, String message) {
}
