package io.tessera.contracts.jobs;

/**
 * How a frame is split into tiles: either {@code columns × rows}, or tiles of {@code tileWidth × tileHeight}
 * pixels (the last column and row take what is left). Exactly one of the two pairs is given.
 */
public record TileGrid(Integer columns, Integer rows, Integer tileWidth, Integer tileHeight) {
}
