package dev.oms.imports.domain;

import java.nio.charset.StandardCharsets;

/**
 * The order ids a file has shown so far, each with the line its rows started on, in 16 to 32 bytes per order
 * (an open-addressing table of 64-bit fingerprints and int line numbers, 12 bytes a slot, 37–75 % full; never
 * the ids themselves), so a file of millions of orders stays in a small heap. Two different ids share a fingerprint with a probability of about
 * n²/2⁶⁵ (1 in 3 million for a million orders); the later one would then be reported as a repeat.
 */
public final class OrderFingerprints {

    private static final float MAX_LOAD = 0.75f;
    private static final int INITIAL_CAPACITY = 1 << 12;

    private long[] fingerprints = new long[INITIAL_CAPACITY];
    private int[] lines = new int[INITIAL_CAPACITY];
    private int size;

    /**
     * Records that the order {@code id} starts on {@code line}, unless it was seen before: returns 0 for a new id,
     * else the line it was first seen on.
     */
    public long firstSeen(String id, long line) {
        long fingerprint = fingerprint(id);
        int mask = fingerprints.length - 1;
        for (int slot = (int) fingerprint & mask; ; slot = (slot + 1) & mask) {
            if (fingerprints[slot] == fingerprint) {
                return lines[slot];
            }
            if (fingerprints[slot] == 0) {
                fingerprints[slot] = fingerprint;
                lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
                if (++size > fingerprints.length * MAX_LOAD) {
                    grow();
                }
                return 0;
            }
        }
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldLines = lines;
        fingerprints = new long[oldFingerprints.length * 2];
        lines = new int[oldLines.length * 2];
        int mask = fingerprints.length - 1;
        for (int i = 0; i < oldFingerprints.length; i++) {
            if (oldFingerprints[i] != 0) {
                int slot = (int) oldFingerprints[i] & mask;
                while (fingerprints[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                fingerprints[slot] = oldFingerprints[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's finalizer to spread the bits; never 0 (the empty slot). */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
