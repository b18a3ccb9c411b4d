package org.layerlab.runtime.events;

/** One class's figures in a {@link TestReport}: its samples ({@code support}) and its precision, recall and F1. */
public record ClassReport(int index, String name, long support, double precision, double recall, double f1) {}
