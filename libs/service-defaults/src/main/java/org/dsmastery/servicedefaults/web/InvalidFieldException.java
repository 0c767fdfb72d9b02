package org.dsmastery.servicedefaults.web;

/**
 * Bad input found past bean validation, such as a SKU repeated across order lines:
 * answered by {@link ProblemAdvice} with 400 and the field as a JSON pointer.
 */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	/**
	 * Creates the exception.
	 * @param field the field, as a dotted path ({@code lines[0].sku})
	 * @param message what is wrong with it
	 */
	public InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * Returns the field.
	 * @return the dotted path of the field
	 */
	public String field() {
		return this.field;
	}

}
