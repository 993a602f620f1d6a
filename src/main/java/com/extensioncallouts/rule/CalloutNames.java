package com.extensioncallouts.rule;

/**
 * Which callouts exist, for the warning about a deployed rule that names one that does not. Implemented
 * where callouts live; asked after a deployment committed, outside its transaction.
 */
public interface CalloutNames {

    /** Whether a callout has this name (case and surrounding blanks ignored, as rules name callouts). */
    boolean exists(String calloutName);
}
