package dev.migrator.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of a dead-letter file: a store's typed entry (its unit, the stage that failed, the reason) and
 * its JSON form. Each store has one entry type that both writes and reads its lines, so the copy and the
 * replay never disagree about the format.
 */
public interface DeadLetterEntry {

    ObjectNode toJson();
}
