package com.extensioncallouts.template;

/** A template that does not compile; {@link #error()} says where and why. */
public class InvalidTemplateException extends RuntimeException {

    private final transient TemplateError error;

    InvalidTemplateException(TemplateError error) {
        super(error.describe());
        this.error = error;
    }

    public TemplateError error() {
        return error;
    }
}
