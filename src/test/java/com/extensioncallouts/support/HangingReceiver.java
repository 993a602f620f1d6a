package com.extensioncallouts.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RMM that hangs: it accepts every connection on a loopback port, reads what it is sent, and never answers.
 * It counts the connections open at once (accepted, not yet closed by the client) and remembers each
 * request's {@code Idempotency-Key} and {@code X-Callout-Attempt}. One thread and a selector: in each round,
 * closed connections are counted before new ones, so a connection the client closed just before opening the
 * next is never counted as open beside it.
 */
public final class HangingReceiver implements AutoCloseable {

    /** A request's head as it arrived: which delivery, which attempt. */
    public record Request(String idempotencyKey, int attempt) {
    }

    private static final Pattern KEY = Pattern.compile("(?im)^Idempotency-Key:\\s*(\\S+)\\s*$");
    private static final Pattern ATTEMPT = Pattern.compile("(?im)^X-Callout-Attempt:\\s*(\\d+)\\s*$");

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread loop;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<SocketChannel, StringBuilder> heads = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public HangingReceiver() {
        try {
            selector = Selector.open();
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress("127.0.0.1", 0), 200);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        loop = new Thread(this::run, "hanging-rmm");
        loop.setDaemon(true);
        loop.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.socket().getLocalPort() + path;
    }

    /** The most connections that were open at once. */
    public int maxOpen() {
        return maxOpen.get();
    }

    public int open() {
        return open.get();
    }

    public int accepted() {
        return accepted.get();
    }

    /** Requests whose head has arrived, in order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (running) {
            try {
                selector.select(200);
                List<SelectionKey> ready = new ArrayList<>(selector.selectedKeys());
                selector.selectedKeys().clear();
                for (SelectionKey key : ready) {
                    if (key.isValid() && key.isReadable()) {
                        read((SocketChannel) key.channel(), key, buffer);
                    }
                }
                for (SelectionKey key : ready) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            heads.put(channel, new StringBuilder());
            accepted.incrementAndGet();
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        }
    }

    private void read(SocketChannel channel, SelectionKey key, ByteBuffer buffer) {
        int read;
        try {
            buffer.clear();
            read = channel.read(buffer);
        } catch (IOException reset) {
            read = -1;
        }
        if (read < 0) {
            key.cancel();
            closeQuietly(channel);
            if (heads.remove(channel) != null) {
                open.decrementAndGet();
            }
            return;
        }
        StringBuilder head = heads.get(channel);
        if (head == null) {
            return;
        }
        int before = head.indexOf("\r\n\r\n");
        head.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
        if (before < 0 && head.indexOf("\r\n\r\n") >= 0) {
            requests.add(new Request(find(KEY, head), Integer.parseInt(defaulted(find(ATTEMPT, head), "0"))));
        }
    }

    private static String find(Pattern pattern, CharSequence head) {
        Matcher m = pattern.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static String defaulted(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
            server.close();
        } catch (IOException | InterruptedException e) {
            // the port is released when the JVM ends at the latest
        }
    }
}
