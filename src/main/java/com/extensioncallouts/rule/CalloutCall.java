package com.extensioncallouts.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one call activity to {@code extension-callout} passes: {@code calloutName} and {@code ticket}.
 * The engine's parse listener and the model scan (after a restart) both read call activities
 * through this class, so a call is understood the same way on both paths.
 */
final class CalloutCall {

    /** The process every "Execute Extension Callout" call activity calls. */
    static final String CALLED_ELEMENT = "extension-callout";
    static final String CALLOUT_NAME_VARIABLE = "calloutName";
    static final String TICKET_VARIABLE = "ticket";

    /** One {@code <camunda:in>} of a call activity, as written in the BPMN file. */
    record InMapping(String source, String sourceExpression, String target, String variables) {

        /** {@code <camunda:in variables="all"/>} passes every variable the caller has. */
        boolean passesAll() {
            return variables != null && !variables.isBlank();
        }
    }

    /**
     * The in-mappings of a call activity, and whether a delegate ({@code camunda:variableMappingClass}
     * or {@code camunda:variableMappingDelegateExpression}) maps variables too: what it passes is
     * decided in code, so it may pass anything.
     */
    record Mappings(List<InMapping> ins, boolean delegated) {
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

    /** A call activity that names its callout literally, as written (not yet a {@link #key key}). */
    record LiteralCall(String elementId, String calloutName) {
    }

    private CalloutCall() {
    }

    static boolean callsExtensionCallout(String calledElement) {
        return calledElement != null && CALLED_ELEMENT.equals(calledElement.strip());
    }

    static Naming naming(Mappings mappings) {
        boolean maybePassed = mappings.delegated();
        for (InMapping in : mappings.ins()) {
            if (CALLOUT_NAME_VARIABLE.equals(strip(in.target()))) {
                return isLiteral(in.sourceExpression())
                        ? new Naming(Kind.LITERAL, in.sourceExpression().strip())
                        : new Naming(Kind.DYNAMIC, null);
            }
            // variables="all" passes the caller's own calloutName variable, if it has one
            maybePassed |= in.passesAll();
        }
        return new Naming(maybePassed ? Kind.DYNAMIC : Kind.MISSING, null);
    }

    /**
     * Whether the call passes {@code ticket}: an in-mapping to the target {@code ticket} (from a variable
     * or an expression), all variables (a workflow rule has {@code ticket}), or a delegate mapping.
     */
    static boolean passesTicket(Mappings mappings) {
        return mappings.delegated() || mappings.ins().stream()
                .anyMatch(in -> in.passesAll() || TICKET_VARIABLE.equals(strip(in.target())));
    }

    /** What the call lacks, in words for a refusal; empty when nothing is missing. */
    static List<String> missing(Mappings mappings) {
        List<String> missing = new ArrayList<>();
        if (naming(mappings).kind() == Kind.MISSING) {
            missing.add("<camunda:in sourceExpression=\"<callout name>\" target=\"" + CALLOUT_NAME_VARIABLE + "\"/>");
        }
        if (!passesTicket(mappings)) {
            missing.add("<camunda:in source=\"" + TICKET_VARIABLE + "\" target=\"" + TICKET_VARIABLE + "\"/>");
        }
        return missing;
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

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
