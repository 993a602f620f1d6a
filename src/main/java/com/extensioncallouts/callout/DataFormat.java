package com.extensioncallouts.callout;

/** What a POST callout's body looks like; {@code TEMPLATE}: the callout's own Mustache template. */
public enum DataFormat { XML, NAME_VALUE, JSON, TEMPLATE }
