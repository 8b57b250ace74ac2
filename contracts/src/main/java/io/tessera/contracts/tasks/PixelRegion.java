package io.tessera.contracts.tasks;

/** A rectangle of pixels of a frame: the tile a task renders. {@code (x, y)} is the top-left corner. */
public record PixelRegion(int x, int y, int width, int height) {
}
