package io.certrotator.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Strict reading of API parameters, with the error codes the real API gives for missing or mistyped ones. */
final class Params {
    private Params() {
    }

    static void rejectUnknown(JsonNode params, Set<String> known) {
        for (String name : params.propertyNames()) {
            if (!known.contains(name)) {
                throw new ApiException(ErrorCodes.UNKNOWN_PARAMETER, "the parameter " + name + " is not recognized");
            }
        }
    }

    static String requiredString(JsonNode params, String name) {
        return optionalString(params, name).orElseThrow(() -> missing(name));
    }

    static Optional<String> optionalString(JsonNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw invalid(name + " must be a String");
        }
        return Optional.of(value.asString());
    }

    static List<String> requiredStrings(JsonNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        return strings(value, name);
    }

    static List<String> strings(JsonNode value, String name) {
        if (!value.isArray()) {
            throw invalid(name + " must be an Array of String");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw invalid(name + " must be an Array of String");
            }
            strings.add(element.asString());
        }
        return strings;
    }

    static List<JsonNode> optionalObjects(JsonNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(objects::add);
        }
        if (!value.isArray() || objects.stream().anyMatch(o -> !o.isObject())) {
            throw invalid(name + " must be an Array of objects");
        }
        return objects;
    }

    static OptionalInt optionalInteger(JsonNode params, String name) {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isInt()) {
            throw invalid(name + " must be an Integer");
        }
        return OptionalInt.of(value.intValue());
    }

    /** Offset and Limit of a paged listing, refused outside 0.. and 0..{@code maxLimit} as the API refuses them. */
    static Page page(JsonNode params, int defaultLimit, int maxLimit) {
        int offset = optionalInteger(params, "Offset").orElse(0);
        int limit = optionalInteger(params, "Limit").orElse(defaultLimit);
        if (offset < 0) {
            throw invalidValue("Offset must be 0 or more, not " + offset);
        }
        if (limit < 0 || limit > maxLimit) {
            throw invalidValue("Limit must be between 0 and " + maxLimit + ", not " + limit);
        }
        return new Page(offset, limit);
    }

    record Page(int offset, int limit) {
    }

    static ApiException missing(String name) {
        return new ApiException(ErrorCodes.MISSING_PARAMETER, "the request is missing parameter " + name);
    }

    static ApiException invalid(String message) {
        return new ApiException(ErrorCodes.INVALID_PARAMETER, message);
    }

    static ApiException invalidValue(String message) {
        return new ApiException(ErrorCodes.INVALID_PARAMETER_VALUE, message);
    }
}
