package org.dsmastery.servicedefaults.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.util.ClassUtils;

/**
 * Reads what Jackson knows about a body it refused (the field, as a JSON pointer, and
 * what is wrong with it) without naming any Java type in the answer. Used by the servlet
 * {@link ProblemAdvice} and by services on WebFlux.
 */
public final class JsonProblems {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.core.JacksonException",
			JsonProblems.class.getClassLoader());

	private JsonProblems() {
	}

	/**
	 * The field a body was refused for.
	 * @param failure the most specific cause of the refusal
	 * @return the field and what is wrong with it, or {@code null} if Jackson did not
	 * refuse it
	 */
	public static @Nullable FieldError fieldError(@Nullable Throwable failure) {
		return (JACKSON_PRESENT && failure != null) ? Jackson.fieldError(failure) : null;
	}

	/**
	 * A field of a refused body.
	 *
	 * @param pointer the field, as a JSON pointer in the platform's form
	 * ({@code #/lines/0/sku}), or {@code null} if the body broke before any field
	 * @param detail what is wrong, for people
	 */
	public record FieldError(@Nullable String pointer, String detail) {

		/**
		 * The error as the platform's {@code errors} property shows it.
		 * @return {@code [{pointer, detail}]}, or an empty list without a pointer
		 */
		public List<Map<String, String>> asErrors() {
			return (this.pointer != null) ? List.of(Map.of("pointer", this.pointer, "detail", this.detail)) : List.of();
		}

	}

	private static final class Jackson {

		static @Nullable FieldError fieldError(Throwable failure) {
			if (!(failure instanceof JacksonException ex)) {
				return null;
			}
			if (ex instanceof UnrecognizedPropertyException unknown) {
				return new FieldError(pointer(ex),
						"'" + unknown.getPropertyName() + "' is not a field of this request");
			}
			if (ex instanceof MismatchedInputException mismatch) {
				String pointer = pointer(ex);
				return new FieldError(pointer,
						(pointer != null) ? "must be " + expected(mismatch) : "the body must be " + expected(mismatch));
			}
			if (ex instanceof StreamReadException read) {
				String pointer = (ex.getPath().isEmpty()) ? pointer(read.processor()) : pointer(ex);
				String message = String.valueOf(ex.getOriginalMessage());
				if (message.startsWith("Duplicate Object property")) {
					return new FieldError(pointer, "appears more than once");
				}
				return new FieldError(null, "the body is not well-formed JSON");
			}
			return new FieldError(pointer(ex), "is not valid here");
		}

		private static @Nullable String pointer(JacksonException ex) {
			List<JacksonException.Reference> path = ex.getPath();
			if (path.isEmpty()) {
				return null;
			}
			return "#/" + path.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? escape(reference.getPropertyName())
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("/"));
		}

		// a duplicate key is caught by the parser, which knows where it is but not the
		// path
		// Jackson's data binding would have built
		private static @Nullable String pointer(@Nullable JsonParser parser) {
			if (parser == null) {
				return null;
			}
			TokenStreamContext context = parser.streamReadContext();
			String pointer = context.pathAsPointer(false).toString();
			return pointer.isEmpty() ? null : "#" + pointer;
		}

		private static String escape(String name) {
			return name.replace("~", "~0").replace("/", "~1");
		}

		private static String expected(MismatchedInputException ex) {
			Class<?> target = ex.getTargetType();
			if (target == null) {
				return "a value of another type";
			}
			if (target == String.class || target == Character.class || target == char.class) {
				return "a string";
			}
			if (target == Boolean.class || target == boolean.class) {
				return "true or false";
			}
			if (target == Integer.class || target == int.class || target == Long.class || target == long.class
					|| target == Short.class || target == short.class || target == java.math.BigInteger.class) {
				return "a whole number";
			}
			if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
				return "a number";
			}
			if (target.isEnum()) {
				// the wire names may differ from the constants', so none are listed
				return "one of the values the API lists";
			}
			if (target.isArray() || Collection.class.isAssignableFrom(target)) {
				return "an array";
			}
			return "an object";
		}

	}

}
