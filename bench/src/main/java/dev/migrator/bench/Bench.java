package dev.migrator.bench;

import java.util.Arrays;

/** The benchmark's entry point: {@code tables} (the default), {@code buckets}, {@code many}, {@code verify} or {@code redis}, then that benchmark's options. */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("buckets")) {
            BucketBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("many")) {
            ManyBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("redis")) {
            RedisBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("verify")) {
            VerifyBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("tables")) {
            TableBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            TableBenchmark.main(args);
        }
    }
}
