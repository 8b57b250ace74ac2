package io.tessera.worker.engine;

import io.tessera.renderer.image.Image;
import io.tessera.worker.staging.StagingPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Reads input images and writes staged outputs. A file is written under a {@code .partial} name and moved into
 * place, so a file under its staged name is always complete. The format follows the extension: {@code .pfm} holds
 * the linear floats exactly, anything else is an 8-bit sRGB PNG.
 */
final class ImageFiles {

    private ImageFiles() {
    }

    /** Writes {@code image} to the staged name of {@code finalPath}. */
    static OutputFile writeStaged(Image image, Path finalPath, StagingPaths outputs) {
        Path staged = outputs.staged(finalPath);
        try {
            Files.createDirectories(staged.getParent());
            Path partial = staged.resolveSibling(staged.getFileName() + ".partial");
            if (isPfm(staged)) {
                image.writePfm(partial);
            } else {
                image.writePng(partial);
            }
            Files.move(partial, staged, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + staged + ": " + e.getMessage(), e);
        }
        return new OutputFile(staged, finalPath);
    }

    /**
     * Reads an input file ({@code .pfm} exactly, else as PNG).
     *
     * @throws MissingInputException when the file does not exist
     * @throws UncheckedIOException  naming the file when it cannot be read or decoded
     */
    static Image readInput(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new MissingInputException("input missing: " + file + " (" + what + ")");
        }
        try {
            return isPfm(file) ? Image.readPfm(file) : Image.readPng(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read input " + file + " (" + what + "): " + e.getMessage(), e);
        }
    }

    private static boolean isPfm(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pfm");
    }
}
