package com.extensioncallouts.template;

/** A mistake in a template and where it is; line and column count from 1 (the column in characters). */
public record TemplateError(int line, int column, String message) {

    /** As problems and the page show it: "Line 3, column 14: ...". */
    public String describe() {
        return "Line " + line + ", column " + column + ": " + message;
    }
}
