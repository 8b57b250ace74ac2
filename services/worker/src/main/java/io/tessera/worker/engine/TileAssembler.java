package io.tessera.worker.engine;

import io.tessera.contracts.tasks.PixelRegion;
import io.tessera.contracts.tasks.TaskInput;
import io.tessera.renderer.image.Image;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ASSEMBLE: reads the committed tile PNGs of a frame ({@code inputs} with their regions), pastes each at its region
 * into a frame of the scene's size and writes the frame PNG. Every pixel of the ray tracer is computed independently
 * of the region, so the result equals a whole-frame render pixel for pixel. The tiles must cover the frame and each
 * must have its region's size.
 */
final class TileAssembler implements FrameProducer {

    private final int width;
    private final int height;
    private final RenderRequest request;

    TileAssembler(int width, int height, RenderRequest request) {
        this.width = width;
        this.height = height;
        this.request = request;
    }

    @Override
    public List<OutputFile> produce(int frame) {
        List<TaskInput> inputs = request.inputsOf(frame);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no tile inputs for frame " + frame);
        }
        boolean[] covered = new boolean[width * height];
        List<Image.Placed> tiles = new ArrayList<>(inputs.size());
        for (TaskInput input : inputs) {
            PixelRegion r = input.region();
            String what = "frame " + frame + " tile x=" + r.x() + " y=" + r.y() + " " + r.width() + "x" + r.height();
            Path file = Path.of(input.path());
            Image tile = ImageFiles.readInput(file, what);
            if (tile.width() != r.width() || tile.height() != r.height()) {
                throw new IllegalArgumentException("input " + file + " is " + tile.width() + "x" + tile.height()
                        + " but its region is " + r.width() + "x" + r.height());
            }
            if ((long) r.x() + r.width() > width || (long) r.y() + r.height() > height) {
                throw new IllegalArgumentException("input " + file + ": region " + r + " leaves the " + width + "x"
                        + height + " frame");
            }
            tiles.add(new Image.Placed(tile, r.x(), r.y()));
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                Arrays.fill(covered, y * width + r.x(), y * width + r.x() + r.width(), true);
            }
        }
        int missing = 0;
        for (boolean c : covered) {
            missing += c ? 0 : 1;
        }
        if (missing > 0) {
            throw new IllegalArgumentException("the tiles of frame " + frame + " leave " + missing + " of "
                    + covered.length + " pixels uncovered");
        }
        Image image = Image.assemble(width, height, tiles);
        return List.of(ImageFiles.writeStaged(image, request.outputs().frame(frame), request.outputs()));
    }
}
