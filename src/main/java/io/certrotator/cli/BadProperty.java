package io.certrotator.cli;

import io.certrotator.job.Causes;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A property that Spring Boot could not convert, that is out of its bounds or that does not exist, said in one line:
 * its name, its value and what it takes ({@code cert-rotator.concurrency=0: must be between 1 and 1000}).
 */
final class BadProperty {

    private BadProperty() {
    }

    /** The one line, if the context could not start because of a property. */
    static Optional<String> describe(Throwable startFailure) {
        if (!(Causes.first(startFailure, BindException.class::isInstance) instanceof BindException bind)) {
            return Optional.empty();
        }
        if (bind.getCause() instanceof BindValidationException invalid) {
            return invalid.getValidationErrors().getAllErrors().stream().findFirst()
                    .map(error -> outOfBounds(invalid.getValidationErrors(), error));
        }
        if (bind.getCause() instanceof UnboundConfigurationPropertiesException unknown) {
            return unknown.getUnboundProperties().stream().findFirst()
                    .map(property -> property.getName() + ": no such property (README: Tuning lists them)");
        }
        ConfigurationProperty property = bind.getProperty();
        String name = property != null ? property.getName().toString() : bind.getName().toString();
        String value = property != null ? "=" + property.getValue() : "";
        return Optional.of(name + value + ": expected " + expected(bind.getTarget().getType().resolve(Object.class)));
    }

    private static String outOfBounds(ValidationErrors errors, ObjectError error) {
        if (!(error instanceof FieldError field)) {
            return errors.getName() + ": " + error.getDefaultMessage();
        }
        String name = errors.getName() + "." + DataObjectPropertyName.toDashedForm(field.getField());
        Object value = errors.getBoundProperties().stream()
                .filter(property -> property.getName().toString().equals(name))
                .map(ConfigurationProperty::getValue)
                .findFirst().orElse(field.getRejectedValue());
        String unit = field.getRejectedValue() instanceof Duration && String.valueOf(value).matches("\\d+")
                ? " (a number alone counts milliseconds: write " + value + "s for seconds)" : "";
        return name + "=" + value + ": " + field.getDefaultMessage() + unit;
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "a duration such as 500ms, 5s or 2m";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a " + type.getSimpleName();
    }
}
