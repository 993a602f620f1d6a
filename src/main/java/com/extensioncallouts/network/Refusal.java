package com.extensioncallouts.network;

/**
 * Why the network guard refuses a host: {@code why} for people ("169.254.169.254 is a link-local/cloud metadata
 * address"); {@code allowable} when {@code callouts.network.allow} could open it (only what
 * {@code deny-private} refuses can be).
 */
public record Refusal(String why, boolean allowable) {
}
