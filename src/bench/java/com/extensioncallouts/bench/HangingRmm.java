package com.extensioncallouts.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An RMM that hangs: a loopback port that accepts every connection and never answers (Zendesk's 2023 webhook
 * outage was one such endpoint). The sockets are held until the client gives up or the benchmark ends.
 */
final class HangingRmm implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HangingRmm() throws IOException {
        server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "hanging-rmm");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
                held.removeIf(Socket::isClosed);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
