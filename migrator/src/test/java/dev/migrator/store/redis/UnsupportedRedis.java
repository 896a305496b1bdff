package dev.migrator.store.redis;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** A gateway whose every call fails: test fakes extend it and answer only what their test asks. */
abstract class UnsupportedRedis implements RedisGateway {
    @Override
    public RedisInfo info() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScanPage scan(String cursor, Optional<String> match, int count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Dumped> dump(List<byte[]> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Written> restore(List<Restore> restores) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TypedValue> read(List<byte[]> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Written> write(List<TypedValue> values, List<Long> ttlMillis, boolean replace) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Fingerprint> fingerprints(List<byte[]> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Boolean> exists(List<byte[]> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long delete(List<byte[]> keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribe(Consumer<byte[]> changed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
