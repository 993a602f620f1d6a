package com.extensioncallouts.web;

import java.io.Serializable;
import java.util.List;

/** A message shown once after an action ("Callout saved"), carried across the redirect as a flash attribute. */
public record Notice(Kind kind, String text, List<String> details) implements Serializable {

    public enum Kind { SUCCESS, ERROR }

    static final String ATTRIBUTE = "notice";

    public Notice {
        details = details == null ? List.of() : List.copyOf(details);
    }

    static Notice success(String text) {
        return new Notice(Kind.SUCCESS, text, List.of());
    }

    static Notice error(String text, List<String> details) {
        return new Notice(Kind.ERROR, text, details);
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
