package dev.migrator.engine;

import java.io.IOException;

/** A step that can show a few source units before and after its transforms ({@code plan --sample}). */
public interface Sampleable extends Step {

    Sample sample(int count) throws IOException;
}
