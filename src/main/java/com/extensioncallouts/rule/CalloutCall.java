package com.extensioncallouts.rule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one call activity to {@code extension-callout} passes as {@code calloutName}. The engine's
 * parse listener and the model scan (after a restart) both read call activities through this
 * class, so a callout name is recognised the same way on both paths.
 */
final class CalloutCall {

    /** The process every "Execute Extension Callout" call activity calls. */
    static final String CALLED_ELEMENT = "extension-callout";
    static final String CALLOUT_NAME_VARIABLE = "calloutName";

    /** One {@code <camunda:in>} of a call activity, as written in the BPMN file. */
    record InMapping(String source, String sourceExpression, String target, String variables) {
    }

    /** How a call activity names its callout. */
    enum Kind {
        /** {@code sourceExpression="Datto RMM ticket closure"}: counted as a caller of that callout. */
        LITERAL,
        /** An expression or a variable decides at run time: the activity is valid but counts for no callout. */
        DYNAMIC,
        /** Nothing passes {@code calloutName}: the called process could never know which callout to send. */
        MISSING
    }

    record Naming(Kind kind, String literalName) {
    }

    private CalloutCall() {
    }

    static boolean callsExtensionCallout(String calledElement) {
        return calledElement != null && CALLED_ELEMENT.equals(calledElement.strip());
    }

    static Naming naming(List<InMapping> inMappings) {
        boolean allVariables = false;
        for (InMapping in : inMappings) {
            if (CALLOUT_NAME_VARIABLE.equals(in.target())) {
                return isLiteral(in.sourceExpression())
                        ? new Naming(Kind.LITERAL, in.sourceExpression().strip())
                        : new Naming(Kind.DYNAMIC, null);
            }
            // <camunda:in variables="all"/> passes the caller's own calloutName variable, if it has one
            allVariables |= in.variables() != null && !in.variables().isBlank();
        }
        return new Naming(allVariables ? Kind.DYNAMIC : Kind.MISSING, null);
    }

    /** Callout names compare like the callouts' own unique names: case and surrounding blanks ignored. */
    static String key(String calloutName) {
        return calloutName.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<String> keyOf(Naming naming) {
        return naming.kind() == Kind.LITERAL ? Optional.of(key(naming.literalName())) : Optional.empty();
    }

    private static boolean isLiteral(String sourceExpression) {
        return sourceExpression != null && !sourceExpression.isBlank()
                && !sourceExpression.contains("${") && !sourceExpression.contains("#{");
    }
}
