package dev.migrator.bench;

import java.util.Set;

/** Where contenders copy to: buckets or tables on an emulator, made fresh for each and dropped after (the emulators hold them in memory). */
interface Targets {
    void create(String name);

    long count(String name) throws Exception;

    void drop(String name);

    interface Copy {
        Contender run() throws Exception;
    }

    /**
     * Creates the target, runs the contender, checks it holds {@code expected} units, and drops it; null when
     * {@code only} leaves the contender out.
     */
    default Contender into(Set<String> only, String target, long expected, Copy copy) throws Exception {
        if (!only.isEmpty() && !only.contains(target)) {
            return null;
        }
        create(target);
        Contender c = copy.run();
        long count = count(target);
        if (count != expected) {
            throw new IllegalStateException(c.name() + ": " + target + " holds " + count + " units, expected " + expected);
        }
        drop(target);
        return c;
    }
}
