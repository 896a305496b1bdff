package dev.migrator.store.bucket;

import java.util.Optional;

/** How one copy of an object (or of one of its versions) ended: copied, or failed with a reason. */
sealed interface ObjectOutcome {

    record Copied(ListedObject object, Optional<String> sourceVersionId, Optional<String> targetVersionId, boolean multipart)
            implements ObjectOutcome {}

    record Failed(ListedObject object, ObjectDeadLetter.Stage stage, String reason) implements ObjectOutcome {}
}
