package io.tessera.submission.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.jobs.Strategy;
import io.tessera.contracts.jobs.TileGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the segmentation strategies: {@code strategy}, {@code tiles}, {@code passes} and {@code autoChunk}.
 * Tile rules need the scene's size; without a valid scene only the shape of the grid is checked.
 */
final class StrategyRules {

    /** Every pass a layers job may request, in the order the API documents them. */
    static final List<String> PASSES =
            List.of("diffuse", "specular", "shadows", "reflections", "ambient_occlusion", "beauty");

    private final int minTileSize;

    /** @param minTileSize the smallest tile width and height in pixels (unless the image itself is smaller) */
    StrategyRules(int minTileSize) {
        this.minTileSize = minTileSize;
    }

    /** The strategy named by {@code text}; frames when absent, null (with a violation) when unknown. */
    static Strategy strategy(String text, List<Violation> errors) {
        if (text == null) {
            return Strategy.FRAMES;
        }
        try {
            return Strategy.fromId(text);
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("strategy", e.getMessage()));
            return null;
        }
    }

    /** The shortest target task duration of an {@code autoChunk} job, in seconds. */
    static final int MIN_TARGET_SECONDS = 1;
    /** The longest target task duration of an {@code autoChunk} job, in seconds (one day). */
    static final int MAX_TARGET_SECONDS = 86_400;

    /**
     * Checks {@code autoChunk}: a JSON object {@code {"targetSeconds": N}} with N an integer of
     * {@value #MIN_TARGET_SECONDS}..{@value #MAX_TARGET_SECONDS}, only with strategy frames and without
     * {@code chunkSize} (segmentation sizes the chunks).
     *
     * @param chunkSize the chunkSize as requested, null when absent
     * @return the target seconds, null when autoChunk is absent or invalid
     */
    static Integer autoChunk(Strategy strategy, JsonNode autoChunk, Integer chunkSize, List<Violation> errors) {
        if (autoChunk == null || autoChunk.isNull() || autoChunk.isMissingNode()) {
            return null;
        }
        int before = errors.size();
        if (strategy != null && strategy != Strategy.FRAMES) {
            errors.add(new Violation("autoChunk", "is only allowed with strategy frames, not " + strategy.id()));
        }
        if (chunkSize != null) {
            errors.add(new Violation("chunkSize", "must not be given with autoChunk: segmentation sizes the chunks"
                    + " from measured frame times"));
        }
        if (!autoChunk.isObject()) {
            errors.add(new Violation("autoChunk", "must be a JSON object {\"targetSeconds\": <seconds>}"));
            return null;
        }
        autoChunk.fieldNames().forEachRemaining(name -> {
            if (!"targetSeconds".equals(name)) {
                errors.add(new Violation("autoChunk." + name, "is not a field of autoChunk (only targetSeconds)"));
            }
        });
        JsonNode target = autoChunk.get("targetSeconds");
        if (target == null || target.isNull()) {
            errors.add(new Violation("autoChunk.targetSeconds", "is required: the seconds one task should take"));
        } else if (!target.isIntegralNumber()) {
            errors.add(new Violation("autoChunk.targetSeconds", "must be an integer"));
        } else if (!target.canConvertToInt() || target.intValue() < MIN_TARGET_SECONDS
                || target.intValue() > MAX_TARGET_SECONDS) {
            errors.add(new Violation("autoChunk.targetSeconds", "must be between " + MIN_TARGET_SECONDS + " and "
                    + MAX_TARGET_SECONDS));
        }
        return errors.size() > before ? null : target.intValue();
    }

    /**
     * Checks the grid of a tiles job (required for tiles, forbidden otherwise).
     *
     * @param width  the scene's width in pixels, 0 when the scene is invalid (size rules skipped)
     * @param height the scene's height in pixels, 0 when the scene is invalid
     * @return the grid with only the given pair set, null when absent or invalid
     */
    TileGrid tiles(Strategy strategy, TileGrid tiles, int width, int height, List<Violation> errors) {
        if (strategy != Strategy.TILES) {
            if (tiles != null) {
                errors.add(new Violation("tiles", "is only allowed with strategy tiles"));
            }
            return null;
        }
        if (tiles == null) {
            errors.add(new Violation("tiles", "is required for strategy tiles: {columns, rows} or "
                    + "{tileWidth, tileHeight}"));
            return null;
        }
        boolean byCount = tiles.columns() != null || tiles.rows() != null;
        boolean bySize = tiles.tileWidth() != null || tiles.tileHeight() != null;
        if (byCount == bySize) {
            errors.add(new Violation("tiles", "must give exactly one of {columns, rows} or {tileWidth, tileHeight}"));
            return null;
        }
        int before = errors.size();
        if (byCount) {
            checkCount("tiles.columns", tiles.columns(), width, "width", errors);
            checkCount("tiles.rows", tiles.rows(), height, "height", errors);
        } else {
            checkSize("tiles.tileWidth", tiles.tileWidth(), width, "width", errors);
            checkSize("tiles.tileHeight", tiles.tileHeight(), height, "height", errors);
        }
        if (errors.size() > before) {
            return null;
        }
        return byCount ? new TileGrid(tiles.columns(), tiles.rows(), null, null)
                : new TileGrid(null, null, tiles.tileWidth(), tiles.tileHeight());
    }

    private void checkCount(String field, Integer count, int pixels, String dimension, List<Violation> errors) {
        if (count == null) {
            errors.add(new Violation(field, "is required with " + (field.endsWith("columns") ? "tiles.rows"
                    : "tiles.columns")));
        } else if (count < 1) {
            errors.add(new Violation(field, "must be >= 1"));
        } else if (pixels > 0 && count > pixels) {
            errors.add(new Violation(field, "must be at most the scene " + dimension + " (" + pixels
                    + " px): more tiles than pixels"));
        } else if (pixels > 0 && pixels / count < Math.min(minTileSize, pixels)) {
            errors.add(new Violation(field, "gives tiles " + pixels / count + " px " + (dimension.equals("width")
                    ? "wide" : "high") + ", smaller than the minimum tile size of " + minTileSize + " px"));
        }
    }

    private void checkSize(String field, Integer size, int pixels, String dimension, List<Violation> errors) {
        if (size == null) {
            errors.add(new Violation(field, "is required with " + (field.endsWith("Width") ? "tiles.tileHeight"
                    : "tiles.tileWidth")));
        } else if (size < 1) {
            errors.add(new Violation(field, "must be >= 1"));
        } else if (pixels > 0 && size > pixels) {
            errors.add(new Violation(field, "must be at most the scene " + dimension + " (" + pixels + " px)"));
        } else if (pixels > 0 && size < Math.min(minTileSize, pixels)) {
            errors.add(new Violation(field, "must be at least the minimum tile size of " + minTileSize + " px"));
        }
    }

    /**
     * Checks the passes of a layers job (required non-empty for layers, forbidden otherwise; an empty list counts as
     * absent).
     *
     * @return the requested passes, empty when absent or invalid
     */
    static List<String> passes(Strategy strategy, List<String> passes, List<Violation> errors) {
        boolean given = passes != null && !passes.isEmpty();
        if (strategy != Strategy.LAYERS) {
            if (given) {
                errors.add(new Violation("passes", "is only allowed with strategy layers"));
            }
            return List.of();
        }
        if (!given) {
            errors.add(new Violation("passes", "is required for strategy layers: one or more of " + PASSES));
            return List.of();
        }
        int before = errors.size();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < passes.size(); i++) {
            String pass = passes.get(i);
            String field = "passes[" + i + "]";
            if (pass == null || !PASSES.contains(pass)) {
                errors.add(new Violation(field, "must be one of " + PASSES + ", was '" + pass + "'"));
            } else if (seen.containsKey(pass)) {
                errors.add(new Violation(field, "duplicates passes[" + seen.get(pass) + "] ('" + pass + "')"));
            } else {
                seen.put(pass, i);
            }
        }
        return errors.size() > before ? List.of() : new ArrayList<>(passes);
    }
}
