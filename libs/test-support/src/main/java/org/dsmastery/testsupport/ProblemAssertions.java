package org.dsmastery.testsupport;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on the platform's RFC 9457 problems as they arrive over HTTP: the status,
 * {@code application/problem+json}, the stable type and title, and nothing of the
 * implementation (stack frames, framework or exception names). A {@code traceId}, where
 * the problem has one, is a W3C trace id.
 */
public final class ProblemAssertions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemAssertions() {
	}

	/**
	 * Asserts that an answer is the platform's problem.
	 * @param response the answer
	 * @param status its expected status, repeated in the body
	 * @param type the last segment of its type, such as {@code not-found}
	 * @param title its title
	 * @return the problem, for assertions on its detail and errors
	 */
	public static JsonNode assertProblem(HttpResponse<String> response, int status, String type, String title) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as(response.body())
			.hasValue("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://dsmastery.org/problems/" + type);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		// the trace id is the one property that names the request's trace, never a stack
		// trace
		JsonNode traceId = problem.path("traceId");
		if (!traceId.isMissingNode()) {
			assertThat(traceId.asString()).as("traceId").matches("[0-9a-f]{32}");
		}
		assertThat(response.body().replace("\"traceId\":", "")).doesNotContain("\tat ", "java.", "org.springframework",
				"trace", "exception");
		return problem;
	}

}
