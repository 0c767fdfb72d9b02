package org.dsmastery.inventory.adapter.in.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dsmastery.inventory.application.CatalogService;
import org.dsmastery.inventory.domain.Price;
import org.dsmastery.inventory.domain.Product;
import org.dsmastery.inventory.domain.Sku;
import org.dsmastery.inventory.domain.StockLevel;
import org.dsmastery.servicedefaults.web.InvalidFieldException;
import org.dsmastery.servicedefaults.web.paging.Cursors;
import org.dsmastery.servicedefaults.web.paging.InvalidCursorException;
import org.dsmastery.servicedefaults.web.paging.PageResponse;
import org.dsmastery.servicedefaults.web.paging.Paging;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalogue API: products with stock, the price look-up order-service uses, and admin
 * operations (create or change a product, restock).
 */
@RestController
class ProductController {

	static final int MAX_SKUS_PER_LOOKUP = 100;

	/** The cursor list name of the catalogue; a new cursor layout gets a new name. */
	private static final String CATALOGUE = "c1";

	private final CatalogService catalog;

	ProductController(CatalogService catalog) {
		this.catalog = catalog;
	}

	/**
	 * The catalogue by SKU, one page at a time (without stock, which {@code GET
	 * /api/products/{sku}} shows).
	 */
	@GetMapping("/api/products")
	ResponseEntity<PageResponse<ProductResponse>> page(@RequestParam(required = false) String size,
			@RequestParam(required = false) String cursor) {
		int pageSize = Paging.size(size);
		Sku after = (cursor != null) ? catalogueKey(cursor) : null;
		return Paging.page(this.catalog.page(after, pageSize + 1), pageSize,
				(product) -> Cursors.encode(CATALOGUE, product.sku().code()),
				(product) -> ProductResponse.of(product, null), UriComponentsBuilder.fromPath("/api/products"));
	}

	@GetMapping("/api/products/{sku}")
	ProductResponse one(@PathVariable String sku) {
		Sku id = sku(sku, "sku");
		return ProductResponse.of(this.catalog.product(id), this.catalog.stock(id));
	}

	@GetMapping("/api/products/prices")
	PricesResponse prices(@RequestParam(name = "sku", required = false) List<String> skus) {
		if (skus == null || skus.isEmpty() || skus.size() > MAX_SKUS_PER_LOOKUP) {
			throw new InvalidFieldException("sku", "give 1 to " + MAX_SKUS_PER_LOOKUP + " sku parameters");
		}
		Set<Sku> wanted = new LinkedHashSet<>();
		skus.forEach((code) -> wanted.add(sku(code, "sku")));
		return new PricesResponse(this.catalog.prices(wanted)
			.stream()
			.map((product) -> new PriceResponse(product.sku().code(), product.price().cents(),
					product.price().currency()))
			.toList());
	}

	@PutMapping("/api/admin/products/{sku}")
	ResponseEntity<ProductResponse> save(@PathVariable String sku, @Valid @RequestBody ProductRequest request) {
		Product product = new Product(sku(sku, "sku"), request.name(),
				new Price(request.priceCents(), request.currency()));
		boolean created = this.catalog.save(product);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ProductResponse.of(product, this.catalog.stock(product.sku())));
	}

	@PostMapping("/api/admin/products/{sku}/restock")
	StockResponse restock(@PathVariable String sku, @Valid @RequestBody RestockRequest request) {
		return StockResponse.of(this.catalog.restock(sku(sku, "sku"), request.quantity()));
	}

	private static Sku catalogueKey(String cursor) {
		try {
			return new Sku(Cursors.decode(CATALOGUE, cursor, 1).getFirst());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursorException("the cursor is not one this list issued");
		}
	}

	private static Sku sku(String code, String field) {
		// the length first: an over-long value is neither matched nor echoed back
		if (code == null || code.isEmpty() || code.length() > Sku.MAX_LENGTH) {
			throw new InvalidFieldException(field, "size must be between 1 and " + Sku.MAX_LENGTH);
		}
		if (!Sku.FORMAT.matcher(code).matches()) {
			throw new InvalidFieldException(field, "'" + code + "' is not a SKU (upper-case letters, digits, dashes)");
		}
		return new Sku(code);
	}

	record ProductRequest(@NotBlank @Size(max = Product.MAX_NAME_LENGTH) String name,
			@NotNull @Min(0) @Max(100_000_000) Long priceCents, @NotNull @Size(min = 3,
					max = 3) @Pattern(regexp = "[A-Z]*", message = "must be an ISO 4217 code") String currency) {
	}

	record RestockRequest(@NotNull @Min(1) @Max(1_000_000) Long quantity) {
	}

	record ProductResponse(String sku, String name, long priceCents, String currency, StockResponse stock) {

		static ProductResponse of(Product product, StockLevel stock) {
			return new ProductResponse(product.sku().code(), product.name(), product.price().cents(),
					product.price().currency(), (stock != null) ? StockResponse.of(stock) : null);
		}

	}

	record StockResponse(long initial, long available, long reserved, long sold) {

		static StockResponse of(StockLevel stock) {
			return new StockResponse(stock.initial(), stock.available(), stock.reserved(), stock.sold());
		}

	}

	record PricesResponse(List<PriceResponse> prices) {
	}

	record PriceResponse(String sku, long priceCents, String currency) {
	}

}
