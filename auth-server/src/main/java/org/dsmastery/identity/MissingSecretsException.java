package org.dsmastery.identity;

import java.util.List;

/**
 * The server was started without one of its secrets. Its message names the properties,
 * never a value.
 */
public class MissingSecretsException extends IllegalStateException {

	private final List<String> properties;

	MissingSecretsException(List<String> properties) {
		super("the auth-server needs " + String.join(", ", properties)
				+ " and has no default for them: ./platform up generates them into .platform/secrets/"
				+ " and passes them as a config tree (--spring.config.import=optional:configtree:<state>/secrets/)");
		this.properties = List.copyOf(properties);
	}

	/**
	 * Returns the properties that have no value.
	 * @return their names
	 */
	public List<String> properties() {
		return this.properties;
	}

}
