package com.extensioncallouts.network;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address the network guard refuses. An {@link UnknownHostException}, so that the
 * HTTP client gives up on it as on a name that does not resolve: no connection is opened. The message says why,
 * for people ("refused: 169.254.169.254 is a link-local/cloud metadata address").
 */
public class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public RefusedAddressException(Refusal refusal) {
        super("refused: " + refusal.why());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
