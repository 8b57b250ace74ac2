package io.tessera.segmentation.tiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.contracts.envelope.InvalidEventException;
import io.tessera.contracts.envelope.Json;

/**
 * The image size a scene renders at: its top-level {@code width} and {@code height} in pixels. Only these two
 * fields are read; the renderer validates the rest of the scene when it renders.
 */
public record SceneSize(int width, int height) {

    /**
     * Reads {@code width} and {@code height} from the scene JSON.
     *
     * @throws InvalidEventException when the scene is not a JSON object or a size is missing or not a positive int
     */
    public static SceneSize of(String sceneJson) {
        if (sceneJson == null || sceneJson.isBlank()) {
            throw new InvalidEventException("scene: is required");
        }
        JsonNode scene;
        try {
            scene = Json.MAPPER.readTree(sceneJson);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("scene: is not valid JSON: " + e.getOriginalMessage());
        }
        if (scene == null || !scene.isObject()) {
            throw new InvalidEventException("scene: must be a JSON object");
        }
        return new SceneSize(pixels(scene, "width"), pixels(scene, "height"));
    }

    private static int pixels(JsonNode scene, String field) {
        JsonNode value = scene.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("scene." + field + ": is required by strategy tiles");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new InvalidEventException("scene." + field + ": must be a whole number of pixels of at least 1, was "
                    + value);
        }
        return value.intValue();
    }
}
