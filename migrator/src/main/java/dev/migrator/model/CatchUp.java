package dev.migrator.model;

/**
 * How writes made to a source during the copy reach the target (migrator sync): not at all; from a table's
 * stream (every change replayed in order); or by delta passes that list the source again and copy what is new
 * or changed (buckets, Redis); or from a Redis source's keyspace notifications (each changed key copied again).
 */
public enum CatchUp {
    NONE, STREAM, DELTA, NOTIFICATIONS;

    public static CatchUp of(String json) {
        return switch (json) {
            case "stream" -> STREAM;
            case "delta" -> DELTA;
            case "notifications" -> NOTIFICATIONS;
            default -> NONE;
        };
    }
}
