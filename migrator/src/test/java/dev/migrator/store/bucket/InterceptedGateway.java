package dev.migrator.store.bucket;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** A gateway for tests: {@code real}, with a hook that runs before each call (and may throw in its place). */
final class InterceptedGateway {
    /** Runs before each call to the real gateway, with the method's name and arguments. */
    interface Before {
        void call(String method, Object[] args) throws Throwable;
    }

    private InterceptedGateway() {}

    static BucketGateway of(BucketGateway real, Before before) {
        return (BucketGateway) Proxy.newProxyInstance(InterceptedGateway.class.getClassLoader(), new Class<?>[] {BucketGateway.class},
                (proxy, method, args) -> {
                    before.call(method.getName(), args);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
