package dev.oms.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Deletes test keys by prefix with a minimal RESP client (SCAN + UNLINK), so tests clean up after themselves. */
public final class RedisKeys {

    private RedisKeys() {
    }

    /** Deletes every key starting with {@code prefix}; returns how many. The prefix must not contain glob characters. */
    public static long deleteByPrefix(String host, int port, String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.matches(".*[*?\\[\\]\\\\].*")) {
            throw new IllegalArgumentException("unsafe Redis key prefix: " + prefix);
        }
        long deleted = 0;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), InfraCheck.CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String cursor = "0";
            do {
                send(out, List.of("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000"));
                List<?> reply = (List<?>) read(in);
                cursor = (String) reply.get(0);
                @SuppressWarnings("unchecked")
                List<String> keys = (List<String>) reply.get(1);
                if (!keys.isEmpty()) {
                    List<String> command = new ArrayList<>();
                    command.add("UNLINK");
                    command.addAll(keys);
                    send(out, command);
                    deleted += (Long) read(in);
                }
            } while (!"0".equals(cursor));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("Redis at " + host + ":" + port + ": cannot delete keys " + prefix + "*: "
                    + e.getMessage(), e);
        }
        return deleted;
    }

    private static void send(OutputStream out, List<String> args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.size()).append("\r\n");
        for (String a : args) {
            byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(len + 2);
                return new String(data, 0, len, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                List<Object> items = new ArrayList<>(Math.max(n, 0));
                for (int i = 0; i < n; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("unexpected Redis reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        if (b == -1) {
            throw new IOException("connection closed");
        }
        return sb.toString();
    }
}
