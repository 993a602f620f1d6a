package com.extensioncallouts.problem;

import java.util.List;

/** Input that breaks the contract; answered 400 with one entry per invalid field. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    public InvalidInputException(List<FieldProblem> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
