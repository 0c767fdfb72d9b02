package org.dsmastery.tangled.domain;

import org.springframework.util.Assert;

/** Breaks "domain/ is plain Java": it uses Spring. */
public record Widget(String name) {

	public Widget {
		Assert.hasText(name, "a widget has a name");
	}

}
