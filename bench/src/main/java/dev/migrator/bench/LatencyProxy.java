package dev.migrator.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that delays every byte by a one-way latency in each direction (so a request costs at
 * least two delays, as on a real link) and counts the HTTP requests that pass by operation (DynamoDB's
 * X-Amz-Target, S3's method and shape), or with {@link #startResp} the Redis commands by name, so a benchmark can report requests per unit, a figure no machine's noise
 * changes. Order within a connection is kept; connections are independent, as on a network.
 */
final class LatencyProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private volatile long delayNanos;
    /** Bytes per second each connection may carry in each direction; 0: unlimited. */
    private volatile long bytesPerSecond;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    private final boolean resp;

    private LatencyProxy(int upstreamPort, Duration oneWay, boolean resp) throws IOException {
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.resp = resp;
        this.delayNanos = oneWay.toNanos();
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LatencyProxy start(int upstreamPort, Duration oneWay) throws IOException {
        return new LatencyProxy(upstreamPort, oneWay, false);
    }

    /** A link in front of a Redis server: it counts the commands clients send (RESP arrays), by name. */
    static LatencyProxy startResp(int upstreamPort, Duration oneWay) throws IOException {
        return new LatencyProxy(upstreamPort, oneWay, true);
    }

    int port() {
        return server.getLocalPort();
    }

    /** What counts the requests in one connection's client bytes. */
    interface Counter {
        void feed(byte[] bytes);
    }

    /** Changes the one-way delay for the bytes that arrive from now on (the cross-region case in the same run). */
    void delay(Duration oneWay) {
        this.delayNanos = oneWay.toNanos();
    }

    /** Limits each connection to this many bytes per second in each direction (0: unlimited), as a thin link would. */
    void bandwidth(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Requests seen since the last reset, by operation. */
    Map<String, Long> requests() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((op, n) -> counts.put(op, n.get()));
        return counts;
    }

    long totalRequests() {
        return requests.values().stream().mapToLong(AtomicLong::get).sum();
    }

    void resetCounts() {
        requests.clear();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Counter counter = resp ? new RespCounter(op -> requests.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet())
                        : new RequestCounter();
                pipe(client.getInputStream(), upstream.getOutputStream(), counter, client, upstream);
                pipe(upstream.getInputStream(), client.getOutputStream(), null, client, upstream);
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    private record Chunk(byte[] bytes, long dueNanos) {}

    private static final Chunk END = new Chunk(new byte[0], 0);

    /** One direction: a reader stamps each chunk with when it may arrive, a writer sends it then. */
    private void pipe(InputStream in, OutputStream out, Counter counter, Socket a, Socket b) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            long lineFreeAt = 0;
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    byte[] bytes = java.util.Arrays.copyOf(buffer, n);
                    if (counter != null) {
                        counter.feed(bytes);
                    }
                    long now = System.nanoTime();
                    long rate = bytesPerSecond;
                    long sent = now;
                    if (rate > 0) {
                        lineFreeAt = Math.max(lineFreeAt, now) + n * 1_000_000_000L / rate;
                        sent = lineFreeAt;
                    }
                    queue.add(new Chunk(bytes, sent + delayNanos));
                }
            } catch (IOException ignored) {
                // the connection closed
            }
            queue.add(END);
        }, "proxy-read");
        Thread writer = new Thread(() -> {
            try {
                for (Chunk c = queue.take(); c != END; c = queue.take()) {
                    long wait = c.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // the other side closed
            }
            closeQuietly(a);
            closeQuietly(b);
        }, "proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Finds request boundaries in one connection's client bytes (Content-Length or chunked bodies) and counts each. */
    private final class RequestCounter implements Counter {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private long bodyLeft;
        private boolean chunked;
        private final StringBuilder chunkTail = new StringBuilder();

        @Override
        public void feed(byte[] bytes) {
            int i = 0;
            while (i < bytes.length) {
                if (bodyLeft > 0) {
                    int n = (int) Math.min(bodyLeft, bytes.length - i);
                    bodyLeft -= n;
                    i += n;
                } else if (chunked) {
                    chunkTail.append((char) (bytes[i++] & 0xff));
                    if (chunkTail.length() > 5) {
                        chunkTail.delete(0, chunkTail.length() - 5);
                    }
                    if (chunkTail.toString().equals("0\r\n\r\n")) {
                        chunked = false;
                        chunkTail.setLength(0);
                    }
                } else {
                    head.write(bytes[i++]);
                    byte[] h = head.toByteArray();
                    int n = h.length;
                    if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                        headers(new String(h, StandardCharsets.ISO_8859_1));
                        head.reset();
                    }
                }
            }
        }

        private void headers(String text) {
            String[] lines = text.split("\r\n");
            String[] request = lines[0].split(" ");
            String target = null;
            String copySource = null;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    bodyLeft = Long.parseLong(line.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("x-amz-target:")) {
                    target = line.substring(13).trim().replaceFirst("^.*\\.", "");
                } else if (lower.startsWith("x-amz-copy-source:")) {
                    copySource = "copy";
                }
            }
            String op = target != null ? target : s3(request[0], request.length > 1 ? request[1] : "", copySource != null);
            requests.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
        }

        private String s3(String method, String path, boolean copy) {
            boolean bucketOnly = path.replaceFirst("\\?.*", "").chars().filter(c -> c == '/').count() <= 1;
            if (copy) {
                return path.contains("partNumber=") ? "UploadPartCopy" : "CopyObject";
            }
            if (method.equals("POST") && path.equals("/")) {
                return "POST / (STS GetCallerIdentity)";
            }
            if (method.equals("GET") && path.contains("list-type=2")) {
                return "ListObjectsV2";
            }
            if (method.equals("GET") && path.contains("versions")) {
                return "ListObjectVersions";
            }
            return method + (bucketOnly ? " bucket" : " object") + (path.contains("?") ? " ?" + path.replaceFirst("^[^?]*\\?", "")
                    .replaceAll("=[^&]*", "") : "");
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
    }
}
