package org.layerlab.app.runs;

import org.layerlab.runtime.events.RunStatus;

/**
 * One row of the runs table, with its cells already in words.
 *
 * @param started the local start time, such as "2026-11-29 14:03"
 * @param duration such as "1 min 05 s"
 * @param accuracy the final validation accuracy, such as "97.3%", or a dash
 * @param message how the run ended, in a user's words
 */
public record RunRow(
    String id,
    String name,
    RunStatus status,
    String statusText,
    String started,
    String duration,
    String accuracy,
    String message) {}
