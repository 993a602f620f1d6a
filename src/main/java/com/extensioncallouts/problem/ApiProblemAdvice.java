package com.extensioncallouts.problem;

import java.net.URI;
import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every client mistake on {@code /api/**} into an RFC 9457 problem. Spring's own
 * exceptions (unreadable JSON, wrong method, unknown media type) keep their 4xx status.
 */
@RestControllerAdvice(basePackages = "com.extensioncallouts")
// Before ApiFallbackProblemAdvice, which only covers requests no controller of ours took
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://extension-callouts.dev/problems/";

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "The request has " + e.errors().size() + " invalid field(s).");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (!e.workflowRules().isEmpty()) {
            problem.setProperty("workflowRules", e.workflowRules());
        }
        return problem;
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", e.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem reason = JsonProblems.describe(ex);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                ("body".equals(reason.field()) ? "" : reason.field() + ": ") + reason.message());
        problem.setProperty("errors", List.of(reason));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A path variable or parameter of the wrong type, such as {@code /api/callouts/abc}: 400, naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type"
                : JsonProblems.kind(ex.getRequiredType());
        String message = "'" + ex.getValue() + "' is not " + expected + ".";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                name + ": " + message);
        problem.setProperty("errors", List.of(new FieldProblem(name, message)));
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
