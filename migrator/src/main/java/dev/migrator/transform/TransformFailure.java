package dev.migrator.transform;

/** An item the transforms cannot turn into a valid target item; it is dead-lettered with this reason. */
public final class TransformFailure extends Exception {
    public TransformFailure(String reason) {
        super(reason, null, false, false);
    }
}
