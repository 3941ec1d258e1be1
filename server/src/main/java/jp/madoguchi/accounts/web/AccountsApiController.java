package jp.madoguchi.accounts.web;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.madoguchi.accounts.Permission;
import jp.madoguchi.accounts.domain.AccountImport;
import jp.madoguchi.accounts.domain.ApiToken;
import jp.madoguchi.accounts.domain.ApiTokenService;
import jp.madoguchi.accounts.domain.GroupAdministration;
import jp.madoguchi.accounts.domain.GroupDefinition;
import jp.madoguchi.accounts.domain.NewApiToken;
import jp.madoguchi.accounts.domain.NewUser;
import jp.madoguchi.accounts.domain.StaffGroup;
import jp.madoguchi.accounts.domain.UserAccount;
import jp.madoguchi.accounts.domain.UserAdministration;
import jp.madoguchi.accounts.domain.UserPatch;
import jp.madoguchi.platform.CsvTable;
import jp.madoguchi.platform.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The accounts part of the public API (docs/design/http-api.md "Accounts"). */
@RestController
class AccountsApiController {

	private final UserAdministration users;

	private final GroupAdministration groups;

	private final ApiTokenService tokens;

	private final AccountImport accountImport;

	AccountsApiController(UserAdministration users, GroupAdministration groups, ApiTokenService tokens,
			AccountImport accountImport) {
		this.users = users;
		this.groups = groups;
		this.tokens = tokens;
		this.accountImport = accountImport;
	}

	record Me(String username, String displayName, Set<String> permissions) {
	}

	record UserRequest(@NotBlank String username, @NotBlank String displayName, @NotBlank String password,
			@Nullable List<String> groups, @Nullable Boolean serviceAccount) {
	}

	/** PATCH: only the members present change. */
	record UserPatchRequest(@Nullable String displayName, @Nullable Boolean enabled, @Nullable List<String> groups,
			@Nullable Integer version) {
	}

	record UserResponse(String username, String displayName, boolean enabled, boolean locked,
			boolean mustChangePassword, boolean serviceAccount, List<String> groups, Set<String> permissions,
			@Nullable Instant lastLoginAt, int version) {
	}

	record GroupRequest(@NotBlank String name, @Nullable String description, @NotNull Set<String> permissions) {
	}

	record GroupResponse(long id, String name, String description, Set<String> permissions) {
	}

	record TokenRequest(@NotBlank String name, @NotBlank String user, @Nullable Integer validDays) {
	}

	record TokenCreated(long id, String name, String user, String token, Instant expiresAt) {
	}

	@GetMapping("/api/v1/me")
	@PreAuthorize("isAuthenticated()")
	Me me(Principal principal) {
		UserAccount user = users.user(principal.getName());
		return new Me(user.username(), user.displayName(), names(users.effectivePermissions(user.username())));
	}

	@GetMapping("/api/v1/admin/users")
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	List<UserResponse> users() {
		return users.users().stream().map(this::toResponse).toList();
	}

	@GetMapping("/api/v1/admin/users/{username}")
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	UserResponse user(@PathVariable String username) {
		return toResponse(users.user(username));
	}

	@PostMapping("/api/v1/admin/users")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	UserResponse createUser(@Valid @RequestBody UserRequest request) {
		List<String> groups = (request.groups() != null) ? request.groups() : List.of();
		return toResponse(users.createUser(new NewUser(request.username(), request.displayName(), request.password(),
				groups, Boolean.TRUE.equals(request.serviceAccount()))));
	}

	@PatchMapping("/api/v1/admin/users/{username}")
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	UserResponse changeUser(@PathVariable String username, @RequestBody UserPatchRequest request) {
		return toResponse(users.patchUser(username,
				new UserPatch(request.displayName(), request.enabled(), request.groups(), request.version())));
	}

	@GetMapping("/api/v1/admin/groups")
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	List<GroupResponse> groups() {
		return groups.groups().stream().map(AccountsApiController::toResponse).toList();
	}

	@PostMapping("/api/v1/admin/groups")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	GroupResponse createGroup(@Valid @RequestBody GroupRequest request) {
		String description = (request.description() != null) ? request.description() : "";
		return toResponse(groups
			.createGroup(new GroupDefinition(request.name(), description, Permission.parseAll(request.permissions()))));
	}

	static final List<String> GROUP_HEADER = List.of("グループ名", "説明", "権限");

	static final List<String> USER_HEADER = List.of("ユーザー名", "氏名", "グループ", "サービスアカウント");

	/** A list in one cell: spaces, 、 or | between the items. */
	private static final Pattern LIST = Pattern.compile("[\\s\u3000、|]+");

	/**
	 * Groups from a CSV file ({@code グループ名,説明,権限}, the permissions by their codes,
	 * separated by spaces), all or none; refusals name the line.
	 */
	@PostMapping(path = "/api/v1/admin/groups/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	List<GroupResponse> importGroups(@RequestBody byte[] body, Principal principal) {
		List<AccountImport.ImportedGroup> rows = new ArrayList<>();
		for (CsvTable.Row row : CsvTable.read(body, GROUP_HEADER)) {
			Set<Permission> permissions;
			try {
				permissions = Permission.parseAll(items(row.get(2)));
			}
			catch (ProblemException unknown) {
				throw CsvTable.atLine(row.line(), unknown.getLocalizedMessage());
			}
			rows.add(new AccountImport.ImportedGroup(row.line(),
					new GroupDefinition(row.get(0), row.get(1), permissions)));
		}
		return accountImport.importGroups(rows, principal.getName())
			.stream()
			.map(AccountsApiController::toResponse)
			.toList();
	}

	/**
	 * Users from a CSV file ({@code ユーザー名,氏名,グループ,サービスアカウント}, the groups by name
	 * separated by spaces, サービスアカウント 「はい」 or empty), all or none; each user gets a
	 * one-time password, answered once here, to be changed at the first sign-in.
	 */
	@PostMapping(path = "/api/v1/admin/users/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	List<AccountImport.CreatedUser> importUsers(@RequestBody byte[] body, Principal principal) {
		List<AccountImport.ImportedUser> rows = new ArrayList<>();
		for (CsvTable.Row row : CsvTable.read(body, USER_HEADER)) {
			String service = row.get(3);
			boolean serviceAccount = switch (service) {
				case "はい", "○", "true", "1" -> true;
				case "", "いいえ", "false", "0" -> false;
				default -> throw CsvTable.atLine(row.line(), "サービスアカウントは「はい」か空欄にしてください: " + CsvTable.shown(service));
			};
			rows.add(new AccountImport.ImportedUser(row.line(), row.get(0), row.get(1), items(row.get(2)),
					serviceAccount));
		}
		return accountImport.importUsers(rows, principal.getName());
	}

	private static List<String> items(String cell) {
		return Arrays.stream(LIST.split(cell.strip())).filter(item -> !item.isEmpty()).toList();
	}

	@GetMapping("/api/v1/admin/api-tokens")
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	List<ApiToken> tokens() {
		return tokens.tokens();
	}

	@PostMapping("/api/v1/admin/api-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	TokenCreated createToken(@Valid @RequestBody TokenRequest request, Principal principal) {
		NewApiToken created = tokens.createToken(request.name(), request.user(), principal.getName(),
				request.validDays());
		return new TokenCreated(created.info().id(), created.info().name(), created.info().username(), created.secret(),
				created.info().expiresAt());
	}

	@DeleteMapping("/api/v1/admin/api-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('USER_ADMIN')")
	void revokeToken(@PathVariable long id) {
		tokens.revokeToken(id);
	}

	private UserResponse toResponse(UserAccount user) {
		return new UserResponse(user.username(), user.displayName(), user.enabled(), user.isLocked(Instant.now()),
				user.mustChangePassword(), user.serviceAccount(), user.groups(),
				names(users.effectivePermissions(user.username())), user.lastLoginAt(), user.version());
	}

	private static GroupResponse toResponse(StaffGroup group) {
		return new GroupResponse(group.id(), group.name(), group.description(), names(group.permissions()));
	}

	private static Set<String> names(Set<Permission> permissions) {
		Set<String> names = new TreeSet<>();
		permissions.forEach(permission -> names.add(permission.name()));
		return names;
	}

}
