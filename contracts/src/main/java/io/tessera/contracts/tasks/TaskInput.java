package io.tessera.contracts.tasks;

/**
 * A committed output of another task that an assembly or composite task reads.
 *
 * @param path   absolute path of the committed file
 * @param frame  the frame it belongs to
 * @param region where a tile goes in the frame (assembly), else null
 * @param pass   which pass it holds (composite), else null
 */
public record TaskInput(String path, int frame, PixelRegion region, String pass) {
}
