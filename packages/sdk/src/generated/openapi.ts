/**
 * @module Types of the Wekeza Open Banking API, generated from its OpenAPI document by
 * openapi-typescript. Do not edit: run `npm run sdk:generate` (a test fails when this file is stale).
 */
/* biome-ignore-all lint: generated */
export interface paths {
    "/developer/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your apps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "client_id": "app_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "name": "Budget Buddy",
                         *           "redirect_uris": [
                         *             "https://budget.example/callback"
                         *           ],
                         *           "scopes": [
                         *             "openid"
                         *           ],
                         *           "token_endpoint_auth_method": "client_secret_basic",
                         *           "jwks_uri": "string",
                         *           "jwks": {
                         *             "keys": [
                         *               {
                         *                 "kty": "string"
                         *               }
                         *             ]
                         *           },
                         *           "require_pushed_authorization_requests": false,
                         *           "refresh_token_rotation": false,
                         *           "status": "active",
                         *           "ip_allowlist": [
                         *             "203.0.113.0/24"
                         *           ],
                         *           "rate_limit_tier": "standard",
                         *           "created_at": "2026-01-15T09:30:00Z",
                         *           "updated_at": "2026-01-15T09:30:00Z"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            data: {
                                /** @description Client id, `app_…` */
                                client_id: string;
                                /** Format: date-time */
                                created_at: string;
                                ip_allowlist: string[];
                                jwks: {
                                    keys: ({
                                        kty: string;
                                    } & {
                                        [key: string]: unknown;
                                    })[];
                                } | null;
                                jwks_uri: string | null;
                                name: string;
                                /** @description Set by the bank; the limits are in the RateLimit-Policy header */
                                rate_limit_tier: string;
                                redirect_uris: string[];
                                refresh_token_rotation: boolean;
                                require_pushed_authorization_requests: boolean;
                                scopes: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                                /** @enum {unknown} */
                                status: "active" | "suspended";
                                /** @enum {unknown} */
                                token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an app (OAuth client)
         * @description Answers with the `client_id` and the `client_secret`. The secret is shown only here: only its digest is stored. `private_key_jwt` requires `jwks` or `jwks_uri`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "Budget Buddy",
                     *       "redirect_uris": [
                     *         "https://budget.example/callback"
                     *       ],
                     *       "scopes": [
                     *         "openid"
                     *       ],
                     *       "token_endpoint_auth_method": "client_secret_basic",
                     *       "require_pushed_authorization_requests": false,
                     *       "refresh_token_rotation": false,
                     *       "ip_allowlist": [
                     *         "203.0.113.0/24",
                     *         "2001:db8::/48"
                     *       ],
                     *       "jwks_uri": "string",
                     *       "jwks": {
                     *         "keys": [
                     *           {
                     *             "kty": "string"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description CIDR blocks (or single addresses) the app may call the API from, IPv4 or IPv6; empty means any address
                         * @example [
                         *       "203.0.113.0/24",
                         *       "2001:db8::/48"
                         *     ]
                         */
                        ip_allowlist?: string[];
                        /** @description A JWK Set of public keys, for private_key_jwt */
                        jwks?: {
                            keys: ({
                                kty: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                        /** @description https URI of the app’s JWK Set */
                        jwks_uri?: string;
                        name: string;
                        /** @description https URIs; http on 127.0.0.1, [::1] or localhost in sandbox mode only */
                        redirect_uris: string[];
                        refresh_token_rotation?: boolean;
                        require_pushed_authorization_requests?: boolean;
                        scopes: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                        /** @enum {unknown} */
                        token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "client_id": "app_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "name": "Budget Buddy",
                         *       "redirect_uris": [
                         *         "https://budget.example/callback"
                         *       ],
                         *       "scopes": [
                         *         "openid"
                         *       ],
                         *       "token_endpoint_auth_method": "client_secret_basic",
                         *       "jwks_uri": "string",
                         *       "jwks": {
                         *         "keys": [
                         *           {
                         *             "kty": "string"
                         *           }
                         *         ]
                         *       },
                         *       "require_pushed_authorization_requests": false,
                         *       "refresh_token_rotation": false,
                         *       "status": "active",
                         *       "ip_allowlist": [
                         *         "203.0.113.0/24"
                         *       ],
                         *       "rate_limit_tier": "standard",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "client_secret": "wks_01JD5V6Q8ZK3M2N4P5R6S7T8V9"
                         *     }
                         */
                        "application/json": {
                            /** @description Client id, `app_…` */
                            client_id: string;
                            /** @description The client secret (`wks_…`): shown this once, store it now */
                            client_secret: string;
                            /** Format: date-time */
                            created_at: string;
                            ip_allowlist: string[];
                            jwks: {
                                keys: ({
                                    kty: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } | null;
                            jwks_uri: string | null;
                            name: string;
                            /** @description Set by the bank; the limits are in the RateLimit-Policy header */
                            rate_limit_tier: string;
                            redirect_uris: string[];
                            refresh_token_rotation: boolean;
                            require_pushed_authorization_requests: boolean;
                            scopes: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "active" | "suspended";
                            /** @enum {unknown} */
                            token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your apps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app’s client id */
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "client_id": "app_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "name": "Budget Buddy",
                         *       "redirect_uris": [
                         *         "https://budget.example/callback"
                         *       ],
                         *       "scopes": [
                         *         "openid"
                         *       ],
                         *       "token_endpoint_auth_method": "client_secret_basic",
                         *       "jwks_uri": "string",
                         *       "jwks": {
                         *         "keys": [
                         *           {
                         *             "kty": "string"
                         *           }
                         *         ]
                         *       },
                         *       "require_pushed_authorization_requests": false,
                         *       "refresh_token_rotation": false,
                         *       "status": "active",
                         *       "ip_allowlist": [
                         *         "203.0.113.0/24"
                         *       ],
                         *       "rate_limit_tier": "standard",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            /** @description Client id, `app_…` */
                            client_id: string;
                            /** Format: date-time */
                            created_at: string;
                            ip_allowlist: string[];
                            jwks: {
                                keys: ({
                                    kty: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } | null;
                            jwks_uri: string | null;
                            name: string;
                            /** @description Set by the bank; the limits are in the RateLimit-Policy header */
                            rate_limit_tier: string;
                            redirect_uris: string[];
                            refresh_token_rotation: boolean;
                            require_pushed_authorization_requests: boolean;
                            scopes: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "active" | "suspended";
                            /** @enum {unknown} */
                            token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an app
         * @description Its tokens stop working and its client id is never issued again.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app’s client id */
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an app’s settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app’s client id */
                    client_id: string;
                };
                cookie?: never;
            };
            /** @description Only the given fields change; null clears */
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "Budget Buddy",
                     *       "redirect_uris": [
                     *         "https://budget.example/callback"
                     *       ],
                     *       "scopes": [
                     *         "openid"
                     *       ],
                     *       "token_endpoint_auth_method": "client_secret_basic",
                     *       "require_pushed_authorization_requests": false,
                     *       "refresh_token_rotation": false,
                     *       "ip_allowlist": [
                     *         "203.0.113.0/24",
                     *         "2001:db8::/48"
                     *       ],
                     *       "jwks_uri": "string",
                     *       "jwks": {
                     *         "keys": [
                     *           {
                     *             "kty": "string"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description CIDR blocks (or single addresses) the app may call the API from, IPv4 or IPv6; empty means any address
                         * @example [
                         *       "203.0.113.0/24",
                         *       "2001:db8::/48"
                         *     ]
                         */
                        ip_allowlist?: string[];
                        jwks?: {
                            keys: ({
                                kty: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } | null;
                        jwks_uri?: string | null;
                        name?: string;
                        /** @description https URIs; http on 127.0.0.1, [::1] or localhost in sandbox mode only */
                        redirect_uris?: string[];
                        refresh_token_rotation?: boolean;
                        require_pushed_authorization_requests?: boolean;
                        scopes?: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                        /** @enum {unknown} */
                        token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "client_id": "app_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "name": "Budget Buddy",
                         *       "redirect_uris": [
                         *         "https://budget.example/callback"
                         *       ],
                         *       "scopes": [
                         *         "openid"
                         *       ],
                         *       "token_endpoint_auth_method": "client_secret_basic",
                         *       "jwks_uri": "string",
                         *       "jwks": {
                         *         "keys": [
                         *           {
                         *             "kty": "string"
                         *           }
                         *         ]
                         *       },
                         *       "require_pushed_authorization_requests": false,
                         *       "refresh_token_rotation": false,
                         *       "status": "active",
                         *       "ip_allowlist": [
                         *         "203.0.113.0/24"
                         *       ],
                         *       "rate_limit_tier": "standard",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            /** @description Client id, `app_…` */
                            client_id: string;
                            /** Format: date-time */
                            created_at: string;
                            ip_allowlist: string[];
                            jwks: {
                                keys: ({
                                    kty: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } | null;
                            jwks_uri: string | null;
                            name: string;
                            /** @description Set by the bank; the limits are in the RateLimit-Policy header */
                            rate_limit_tier: string;
                            redirect_uris: string[];
                            refresh_token_rotation: boolean;
                            require_pushed_authorization_requests: boolean;
                            scopes: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "active" | "suspended";
                            /** @enum {unknown} */
                            token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/developer/apps/{client_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace an app’s client secret
         * @description The previous secret stops working at once; the new one is shown only in this answer.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The app’s client id */
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "client_id": "app_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "name": "Budget Buddy",
                         *       "redirect_uris": [
                         *         "https://budget.example/callback"
                         *       ],
                         *       "scopes": [
                         *         "openid"
                         *       ],
                         *       "token_endpoint_auth_method": "client_secret_basic",
                         *       "jwks_uri": "string",
                         *       "jwks": {
                         *         "keys": [
                         *           {
                         *             "kty": "string"
                         *           }
                         *         ]
                         *       },
                         *       "require_pushed_authorization_requests": false,
                         *       "refresh_token_rotation": false,
                         *       "status": "active",
                         *       "ip_allowlist": [
                         *         "203.0.113.0/24"
                         *       ],
                         *       "rate_limit_tier": "standard",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "client_secret": "wks_01JD5V6Q8ZK3M2N4P5R6S7T8V9"
                         *     }
                         */
                        "application/json": {
                            /** @description Client id, `app_…` */
                            client_id: string;
                            /** @description The client secret (`wks_…`): shown this once, store it now */
                            client_secret: string;
                            /** Format: date-time */
                            created_at: string;
                            ip_allowlist: string[];
                            jwks: {
                                keys: ({
                                    kty: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } | null;
                            jwks_uri: string | null;
                            name: string;
                            /** @description Set by the bank; the limits are in the RateLimit-Policy header */
                            rate_limit_tier: string;
                            redirect_uris: string[];
                            refresh_token_rotation: boolean;
                            require_pushed_authorization_requests: boolean;
                            scopes: ("openid" | "profile" | "email" | "phone" | "offline_access" | "accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "active" | "suspended";
                            /** @enum {unknown} */
                            token_endpoint_auth_method: "client_secret_basic" | "client_secret_post" | "private_key_jwt";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/apps/{client_id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your app's API usage
         * @description Requests, errors and latency per route and per hour or day, as metered by the gateway (counts reach this report within a few seconds). At most 92 days at a time.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive); default 24 hours or 30 days ago */
                    from?: string;
                    granularity?: "hour" | "day";
                    /** @description End (exclusive); default now */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description The app’s client id */
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "client_id": "string",
                         *       "granularity": "hour",
                         *       "from": "2026-01-15T09:30:00Z",
                         *       "to": "2026-01-15T09:30:00Z",
                         *       "totals": {
                         *         "requests": 0,
                         *         "errors": 0
                         *       },
                         *       "data": [
                         *         {
                         *           "period": "string",
                         *           "route": "GET /v1/accounts/:account_id/balance",
                         *           "requests": 0,
                         *           "errors": 0,
                         *           "latency_ms_avg": 0,
                         *           "latency_ms_max": 0
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            client_id: string;
                            data: {
                                errors: number;
                                latency_ms_avg: number;
                                latency_ms_max: number;
                                /** @description The hour (RFC 3339) or the day (YYYY-MM-DD), UTC */
                                period: string;
                                requests: number;
                                /** @example GET /v1/accounts/:account_id/balance */
                                route: string;
                            }[];
                            /** Format: date-time */
                            from: string;
                            /** @enum {unknown} */
                            granularity: "hour" | "day";
                            /** Format: date-time */
                            to: string;
                            totals: {
                                errors: number;
                                requests: number;
                            };
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in: get a developer bearer token
         * @description The token is valid for 24 hours; send it as `Authorization: Bearer …` to the app routes. Five failed log-ins lock the email for 15 minutes (429 `LOGIN_LOCKED`), here and in the portal alike.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "dev@fintech.example",
                     *       "password": "string"
                     *     }
                     */
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "token": "wdt_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "token_type": "Bearer",
                         *       "expires_at": "2026-01-15T09:30:00Z",
                         *       "developer": {
                         *         "id": "dev_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *         "email": "dev@fintech.example",
                         *         "name": "Budget Buddy",
                         *         "created_at": "2026-01-15T09:30:00Z"
                         *       }
                         *     }
                         */
                        "application/json": {
                            developer: {
                                /** Format: date-time */
                                created_at: string;
                                email: string;
                                /** @description Developer id, `dev_…` */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            expires_at: string;
                            /** @description Developer bearer token (`wdt_…`) for `Authorization: Bearer` */
                            token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: end the session of the bearer token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Logged out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Notifications about your apps
         * @description Newest first. `webhook_endpoint.failing`: every delivery to an endpoint has failed for a day, and it will be disabled after five; `webhook_endpoint.disabled`: it was; `webhook_endpoint.recovered`: a delivery succeeded again after a warning.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The last id of the previous page */
                    before?: string;
                    /** @description Only this app’s */
                    client_id?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "string",
                         *           "client_id": "string",
                         *           "type": "webhook_endpoint.failing",
                         *           "subject": "webhook-endpoints/whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "message": "string",
                         *           "created_at": "2026-01-15T09:30:00Z"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            data: {
                                client_id: string;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                message: string;
                                /** @example webhook-endpoints/whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9 */
                                subject: string;
                                /**
                                 * @example webhook_endpoint.failing
                                 * @example webhook_endpoint.disabled
                                 * @example webhook_endpoint.recovered
                                 */
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/developer/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a developer account
         * @description The email is case-insensitive and unique; the password has 12 to 200 characters.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "dev@fintech.example",
                     *       "password": "string",
                     *       "name": "Budget Buddy"
                     *     }
                     */
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "dev_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "email": "dev@fintech.example",
                         *       "name": "Budget Buddy",
                         *       "created_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            email: string;
                            /** @description Developer id, `dev_…` */
                            id: string;
                            name: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "status": "ok",
                         *       "checks": {}
                         *     }
                         */
                        "application/json": {
                            checks?: {
                                [key: string]: string;
                            };
                            status: "ok" | "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and configured services are reachable */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "status": "ok",
                         *       "checks": {}
                         *     }
                         */
                        "application/json": {
                            checks?: {
                                [key: string]: string;
                            };
                            status: "ok" | "unavailable";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks?: {
                                [key: string]: string;
                            };
                            status: "ok" | "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/accounts/{account_id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an incoming transfer into a customer account
         * @description Posts an incoming transfer (from `counterparty`, default "Sandbox Bank customer"), so that `transaction.posted` webhooks and events can be tried. `Idempotency-Key` makes retries safe.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "amount": {
                     *         "amount": "1500.00",
                     *         "currency": "KES"
                     *       },
                     *       "counterparty": "string",
                     *       "description": "Groceries"
                     *     }
                     */
                    "application/json": {
                        amount: {
                            /**
                             * @description Decimal string with the currency scale, for example `1500.00`
                             * @example 1500.00
                             */
                            amount: string;
                            /**
                             * @description ISO 4217 code
                             * @example KES
                             */
                            currency: string;
                        };
                        /** @description Who sent it */
                        counterparty?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "entry_id": "string",
                         *       "account_id": "string",
                         *       "amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "balance": {
                         *         "current": {
                         *           "amount": "1500.00",
                         *           "currency": "KES"
                         *         },
                         *         "available": {
                         *           "amount": "1500.00",
                         *           "currency": "KES"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            account_id: string;
                            amount: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            balance: {
                                available: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                current: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                            };
                            entry_id: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/accounts/{account_id}/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deposit sandbox money into a customer account
         * @description Credits the account from the bank settlement account. Send an `Idempotency-Key` header to make retries safe: the same key deposits once.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "amount": {
                     *         "amount": "1500.00",
                     *         "currency": "KES"
                     *       },
                     *       "description": "Groceries"
                     *     }
                     */
                    "application/json": {
                        amount: {
                            /**
                             * @description Decimal string with the currency scale, for example `1500.00`
                             * @example 1500.00
                             */
                            amount: string;
                            /**
                             * @description ISO 4217 code
                             * @example KES
                             */
                            currency: string;
                        };
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "entry_id": "string",
                         *       "account_id": "string",
                         *       "amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "balance": {
                         *         "current": {
                         *           "amount": "1500.00",
                         *           "currency": "KES"
                         *         },
                         *         "available": {
                         *           "amount": "1500.00",
                         *           "currency": "KES"
                         *         }
                         *       }
                         *     }
                         */
                        "application/json": {
                            account_id: string;
                            amount: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            balance: {
                                available: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                current: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                            };
                            entry_id: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorise a consent as a sandbox customer, without a browser
         * @description Takes the authorization request parameters plus the sandbox `username` and the `account_ids` to share, runs the real login and consent pages, and answers with the redirect URL carrying the authorization code. Exchange the code at the token endpoint with your PKCE verifier as usual.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "client_id": "string",
                     *       "redirect_uri": "string",
                     *       "scope": "string",
                     *       "state": "string",
                     *       "nonce": "string",
                     *       "code_challenge": "string",
                     *       "code_challenge_method": "S256",
                     *       "consent_id": "string",
                     *       "username": "string",
                     *       "account_ids": [
                     *         "string"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        account_ids: string[];
                        client_id: string;
                        code_challenge: string;
                        /** @enum {string} */
                        code_challenge_method?: "S256";
                        consent_id: string;
                        nonce?: string;
                        redirect_uri: string;
                        scope: string;
                        state?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "redirect_url": "string",
                         *       "code": "string",
                         *       "state": "string"
                         *     }
                         */
                        "application/json": {
                            code: string | null;
                            /** @description Where the browser would have been redirected, with `code` and `state` */
                            redirect_url: string;
                            state: string | null;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sandbox/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sandbox customers, their credentials and accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "string",
                         *           "username": "string",
                         *           "password": "string",
                         *           "name": "Budget Buddy",
                         *           "email": "dev@fintech.example",
                         *           "phone": "string",
                         *           "accounts": [
                         *             {
                         *               "id": "string",
                         *               "type": "string",
                         *               "currency": "KES",
                         *               "nickname": "string",
                         *               "account_number": "string",
                         *               "status": "string"
                         *             }
                         *           ]
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            data: {
                                accounts: {
                                    account_number: string;
                                    currency: string;
                                    id: string;
                                    nickname: string;
                                    status: string;
                                    type: string;
                                }[];
                                email: string;
                                id: string;
                                name: string;
                                /** @description The public sandbox password, when seeded */
                                password: string | null;
                                phone: string;
                                username: string;
                            }[];
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The accounts the consent covers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "acc_01DXF6FMK0SZVACKJVE1VWM247",
                         *           "type": "current",
                         *           "currency": "KES",
                         *           "nickname": "string",
                         *           "masked_account_number": "•••• 4655",
                         *           "status": "open",
                         *           "opened_on": "2026-01-15"
                         *         }
                         *       ],
                         *       "links": {
                         *         "self": "string",
                         *         "next": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            data: {
                                /** @example KES */
                                currency: string;
                                /** @example acc_01DXF6FMK0SZVACKJVE1VWM247 */
                                id: string;
                                /** @example •••• 4655 */
                                masked_account_number: string;
                                nickname: string;
                                /** Format: date */
                                opened_on: string;
                                /** @example open */
                                status: string;
                                /** @example current */
                                type: string;
                            }[];
                            links: {
                                next: string | null;
                                self: string;
                            };
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account, with its full account number */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "acc_01DXF6FMK0SZVACKJVE1VWM247",
                         *       "type": "current",
                         *       "currency": "KES",
                         *       "nickname": "string",
                         *       "masked_account_number": "•••• 4655",
                         *       "status": "open",
                         *       "opened_on": "2026-01-15",
                         *       "account_number": "string"
                         *     }
                         */
                        "application/json": {
                            account_number: string;
                            /** @example KES */
                            currency: string;
                            /** @example acc_01DXF6FMK0SZVACKJVE1VWM247 */
                            id: string;
                            /** @example •••• 4655 */
                            masked_account_number: string;
                            nickname: string;
                            /** Format: date */
                            opened_on: string;
                            /** @example open */
                            status: string;
                            /** @example current */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current and available balance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "account_id": "string",
                         *       "current": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "available": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "credit_line": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "as_of": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            account_id: string;
                            /** Format: date-time */
                            as_of: string;
                            available: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            credit_line: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            current: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The statement: booked transactions, newest first, filtered and paged
         * @description `from` and `to` are inclusive booking dates, clamped to the window the consent allows. Follow `links.next` until it is null; each page continues exactly where the last one ended (keyset paging: transactions booked during the walk are newer than the first page and do not shift it). Booked transactions only: pending card authorisations appear in `/transactions/sync`.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description Booked on or after this date (inclusive) */
                    from?: string;
                    limit?: number;
                    max_amount?: string;
                    min_amount?: string;
                    /** @description Text in the description or counterparty */
                    q?: string;
                    /** @description Booked on or before this date (inclusive) */
                    to?: string;
                    type?: "credit" | "debit";
                };
                header?: never;
                path: {
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "amount": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "credit_debit": "credit",
                         *           "status": "booked",
                         *           "booked_at": "2026-01-15T09:30:00Z",
                         *           "value_date": "2026-01-15",
                         *           "authorised_at": "2026-01-15T09:30:00Z",
                         *           "description": "Groceries",
                         *           "counterparty": "string",
                         *           "balance_after": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "reference": "INV-2026-001",
                         *           "category": "string",
                         *           "merchant": "string"
                         *         }
                         *       ],
                         *       "links": {
                         *         "self": "string",
                         *         "next": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            data: {
                                amount: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                /** @description When a card authorisation reserved the funds; null for lines without one */
                                authorised_at: string | null;
                                /** @description The booked balance after this line; null while pending */
                                balance_after: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                } | null;
                                /** @description When it was booked; null while pending */
                                booked_at: string | null;
                                /** @description Spending category, for example `groceries` */
                                category: string | null;
                                counterparty: string | null;
                                credit_debit: "credit" | "debit";
                                description: string;
                                /**
                                 * @description Stable: a pending card authorisation keeps its id when it books
                                 * @example txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9
                                 */
                                id: string;
                                /** @description The card acceptor, for card purchases and refunds; null for everything else and for lines booked before merchants were recorded */
                                merchant: string | null;
                                /** @description The bank's reference of the booking (both sides of a transfer share it); the authorisation's while pending */
                                reference: string;
                                /** @description `pending`: funds reserved by a card authorisation, not yet booked */
                                status: "booked" | "pending";
                                /** @description Null while pending */
                                value_date: string | null;
                            }[];
                            links: {
                                next: string | null;
                                self: string;
                            };
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{account_id}/transactions/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delta sync: the transactions added, changed or removed since a cursor
         * @description For consumers that keep a copy. Without `cursor`, returns every transaction in the consent window, booked and pending, oldest first, in pages (follow `links.next` while `has_more`). Keep `next_cursor`: a later call returns only what changed since, in commit order, and never loses or repeats a transaction, whatever posts meanwhile. Delete `removed` ids, then upsert `added` and `modified` by id: a pending card authorisation keeps its id when it books (it comes back in `modified`, status `booked`) and is `removed` when it is released. A page may hold fewer than `limit` items while `has_more` is true. A cursor is valid only for the account and consent window that issued it.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `next_cursor` of the previous call; omit for the first */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "added": [
                         *         {
                         *           "id": "txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "amount": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "credit_debit": "credit",
                         *           "status": "booked",
                         *           "booked_at": "2026-01-15T09:30:00Z",
                         *           "value_date": "2026-01-15",
                         *           "authorised_at": "2026-01-15T09:30:00Z",
                         *           "description": "Groceries",
                         *           "counterparty": "string",
                         *           "balance_after": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "reference": "INV-2026-001",
                         *           "category": "string",
                         *           "merchant": "string"
                         *         }
                         *       ],
                         *       "modified": [
                         *         {
                         *           "id": "txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "amount": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "credit_debit": "credit",
                         *           "status": "booked",
                         *           "booked_at": "2026-01-15T09:30:00Z",
                         *           "value_date": "2026-01-15",
                         *           "authorised_at": "2026-01-15T09:30:00Z",
                         *           "description": "Groceries",
                         *           "counterparty": "string",
                         *           "balance_after": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "reference": "INV-2026-001",
                         *           "category": "string",
                         *           "merchant": "string"
                         *         }
                         *       ],
                         *       "removed": [
                         *         {
                         *           "id": "string"
                         *         }
                         *       ],
                         *       "next_cursor": "string",
                         *       "has_more": false,
                         *       "links": {
                         *         "self": "string",
                         *         "next": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            /** @description Transactions new to the cursor */
                            added: {
                                amount: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                /** @description When a card authorisation reserved the funds; null for lines without one */
                                authorised_at: string | null;
                                /** @description The booked balance after this line; null while pending */
                                balance_after: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                } | null;
                                /** @description When it was booked; null while pending */
                                booked_at: string | null;
                                /** @description Spending category, for example `groceries` */
                                category: string | null;
                                counterparty: string | null;
                                credit_debit: "credit" | "debit";
                                description: string;
                                /**
                                 * @description Stable: a pending card authorisation keeps its id when it books
                                 * @example txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9
                                 */
                                id: string;
                                /** @description The card acceptor, for card purchases and refunds; null for everything else and for lines booked before merchants were recorded */
                                merchant: string | null;
                                /** @description The bank's reference of the booking (both sides of a transfer share it); the authorisation's while pending */
                                reference: string;
                                /** @description `pending`: funds reserved by a card authorisation, not yet booked */
                                status: "booked" | "pending";
                                /** @description Null while pending */
                                value_date: string | null;
                            }[];
                            /** @description Call again with `next_cursor` right away */
                            has_more: boolean;
                            links: {
                                next: string | null;
                                self: string;
                            };
                            /** @description Transactions the cursor has seen pending and that are now booked (same id) */
                            modified: {
                                amount: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                /** @description When a card authorisation reserved the funds; null for lines without one */
                                authorised_at: string | null;
                                /** @description The booked balance after this line; null while pending */
                                balance_after: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                } | null;
                                /** @description When it was booked; null while pending */
                                booked_at: string | null;
                                /** @description Spending category, for example `groceries` */
                                category: string | null;
                                counterparty: string | null;
                                credit_debit: "credit" | "debit";
                                description: string;
                                /**
                                 * @description Stable: a pending card authorisation keeps its id when it books
                                 * @example txn_01JD5V6Q8ZK3M2N4P5R6S7T8V9
                                 */
                                id: string;
                                /** @description The card acceptor, for card purchases and refunds; null for everything else and for lines booked before merchants were recorded */
                                merchant: string | null;
                                /** @description The bank's reference of the booking (both sides of a transfer share it); the authorisation's while pending */
                                reference: string;
                                /** @description `pending`: funds reserved by a card authorisation, not yet booked */
                                status: "booked" | "pending";
                                /** @description Null while pending */
                                value_date: string | null;
                            }[];
                            /** @description Keep it: the next call starts here */
                            next_cursor: string;
                            /** @description Pending transactions that will not book (a released authorisation) */
                            removed: {
                                id: string;
                            }[];
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request a consent
         * @description With the app’s client-credentials token, carrying every scope the consent asks for (else 403 INSUFFICIENT_SCOPE). The consent starts `awaiting_authorization`; send the customer to the authorization endpoint with its id as the `consent_id` parameter.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "scopes": [
                     *         "accounts.read"
                     *       ],
                     *       "expires_at": "2026-01-15T09:30:00Z",
                     *       "transaction_from_date": "2026-01-15",
                     *       "transaction_to_date": "2026-01-15",
                     *       "max_amount": {
                     *         "amount": "1500.00",
                     *         "currency": "KES"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description RFC 3339; in the future and at most one year away
                         */
                        expires_at: string;
                        /** @description Largest single payment allowed (payments.write only) */
                        max_amount?: {
                            /**
                             * @description Decimal string with the currency scale, for example `1500.00`
                             * @example 1500.00
                             */
                            amount: string;
                            /**
                             * @description ISO 4217 code
                             * @example KES
                             */
                            currency: string;
                        };
                        /** @description What the app asks to do; each must be granted to the app */
                        scopes: ("accounts.read" | "transactions.read" | "payments.write")[];
                        /**
                         * Format: date
                         * @description A booking date, `YYYY-MM-DD`
                         */
                        transaction_from_date?: string;
                        /**
                         * Format: date
                         * @description A booking date, `YYYY-MM-DD`
                         */
                        transaction_to_date?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "cns_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "client_id": "string",
                         *       "status": "awaiting_authorization",
                         *       "scopes": [
                         *         "accounts.read"
                         *       ],
                         *       "expires_at": "2026-01-15T09:30:00Z",
                         *       "transaction_from_date": "2026-01-15",
                         *       "transaction_to_date": "2026-01-15",
                         *       "max_amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "customer_id": "string",
                         *       "account_ids": [
                         *         "string"
                         *       ],
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "history": [
                         *         {
                         *           "at": "2026-01-15T09:30:00Z",
                         *           "from": "awaiting_authorization",
                         *           "to": "awaiting_authorization",
                         *           "actor": "string",
                         *           "reason": "string"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            /** @description The accounts shared; empty until authorised */
                            account_ids: string[];
                            client_id: string;
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string;
                            /** @description Every status change, oldest first */
                            history: {
                                /** @description `app:<client_id>`, `customer:<customer_id>` or `system` */
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                from: ("awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired") | null;
                                reason: string;
                                /** @enum {unknown} */
                                to: "awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired";
                            }[];
                            /** @description Consent id, `cns_…` */
                            id: string;
                            max_amount: {
                                amount: string;
                                currency: string;
                            } | null;
                            scopes: ("accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired";
                            transaction_from_date: string | null;
                            transaction_to_date: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/consents/{consent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of your consents
         * @description Once authorised it shows the customer and the accounts; `history` lists every change.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Consent id, `cns_…` */
                    consent_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "cns_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "client_id": "string",
                         *       "status": "awaiting_authorization",
                         *       "scopes": [
                         *         "accounts.read"
                         *       ],
                         *       "expires_at": "2026-01-15T09:30:00Z",
                         *       "transaction_from_date": "2026-01-15",
                         *       "transaction_to_date": "2026-01-15",
                         *       "max_amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "customer_id": "string",
                         *       "account_ids": [
                         *         "string"
                         *       ],
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "history": [
                         *         {
                         *           "at": "2026-01-15T09:30:00Z",
                         *           "from": "awaiting_authorization",
                         *           "to": "awaiting_authorization",
                         *           "actor": "string",
                         *           "reason": "string"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            /** @description The accounts shared; empty until authorised */
                            account_ids: string[];
                            client_id: string;
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string;
                            /** @description Every status change, oldest first */
                            history: {
                                /** @description `app:<client_id>`, `customer:<customer_id>` or `system` */
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                from: ("awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired") | null;
                                reason: string;
                                /** @enum {unknown} */
                                to: "awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired";
                            }[];
                            /** @description Consent id, `cns_…` */
                            id: string;
                            max_amount: {
                                amount: string;
                                currency: string;
                            } | null;
                            scopes: ("accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired";
                            transaction_from_date: string | null;
                            transaction_to_date: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Revoke one of your consents
         * @description The OAuth grant and every token issued under the consent stop working at once. Answers with the revoked consent; a consent that is no longer active is 409 CONSENT_NOT_ACTIVE.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Consent id, `cns_…` */
                    consent_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "cns_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "client_id": "string",
                         *       "status": "awaiting_authorization",
                         *       "scopes": [
                         *         "accounts.read"
                         *       ],
                         *       "expires_at": "2026-01-15T09:30:00Z",
                         *       "transaction_from_date": "2026-01-15",
                         *       "transaction_to_date": "2026-01-15",
                         *       "max_amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "customer_id": "string",
                         *       "account_ids": [
                         *         "string"
                         *       ],
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "history": [
                         *         {
                         *           "at": "2026-01-15T09:30:00Z",
                         *           "from": "awaiting_authorization",
                         *           "to": "awaiting_authorization",
                         *           "actor": "string",
                         *           "reason": "string"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            /** @description The accounts shared; empty until authorised */
                            account_ids: string[];
                            client_id: string;
                            /** Format: date-time */
                            created_at: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string;
                            /** @description Every status change, oldest first */
                            history: {
                                /** @description `app:<client_id>`, `customer:<customer_id>` or `system` */
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                from: ("awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired") | null;
                                reason: string;
                                /** @enum {unknown} */
                                to: "awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired";
                            }[];
                            /** @description Consent id, `cns_…` */
                            id: string;
                            max_amount: {
                                amount: string;
                                currency: string;
                            } | null;
                            scopes: ("accounts.read" | "transactions.read" | "payments.write")[];
                            /** @enum {unknown} */
                            status: "awaiting_authorization" | "authorized" | "rejected" | "revoked" | "expired";
                            transaction_from_date: string | null;
                            transaction_to_date: string | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your events, in order from a cursor
         * @description The polling alternative to webhooks: the events about the app’s own consents and payments, and `transaction.posted` on accounts its consents covered with `transactions.read` when it happened, oldest first after `after`. Keep `next_cursor` and pass it as `after`; call again at once while `has_more`. Events show once published (within a fraction of a second) and are kept at least 30 days. Only the types the app’s token may read show: `payment.*` with `payments.write`, `transaction.posted` with `transactions.read` (asking for another in `types` is 403 INSUFFICIENT_SCOPE).
         */
        get: {
            parameters: {
                query?: {
                    /** @description `next_cursor` of the previous call (an event `sequence`); omit to start at the oldest */
                    after?: string;
                    limit?: number;
                    /** @description Comma-separated event types to return, for example `payment.completed,consent.revoked` */
                    types?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "specversion": "1.0",
                         *           "id": "evt_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "source": "string",
                         *           "type": "payment.completed",
                         *           "subject": "payments/pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "time": "2026-01-15T09:30:00Z",
                         *           "datacontenttype": "application/json",
                         *           "dataschema": "urn:wekeza:events:payment.completed:v1",
                         *           "clientid": "string",
                         *           "sequence": "string",
                         *           "data": {}
                         *         }
                         *       ],
                         *       "next_cursor": "string",
                         *       "has_more": false
                         *     }
                         */
                        "application/json": {
                            data: {
                                /** @description The app the event is about; null for `transaction.posted` */
                                clientid: string | null;
                                data: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                datacontenttype: "application/json";
                                /** @example urn:wekeza:events:payment.completed:v1 */
                                dataschema: string;
                                /** @description Event id, `evt_…`: de-duplicate by it */
                                id: string;
                                /** @description The position in the feed: the cursor */
                                sequence: string;
                                source: string;
                                /** @enum {string} */
                                specversion: "1.0";
                                /** @example payments/pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9 */
                                subject: string;
                                /** Format: date-time */
                                time: string;
                                /** @example payment.completed */
                                type: string;
                            }[];
                            /** @description Call again with `next_cursor` right away */
                            has_more: boolean;
                            /** @description Pass it as `after` next time, even when `data` is empty */
                            next_cursor: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payments made under this token's consent, newest first
         * @description Filter by `status`; follow `links.next` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                    status?: "pending" | "under_review" | "completed" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "status": "pending",
                         *           "iso_status": "ACSC",
                         *           "status_reason": {
                         *             "code": "INSUFFICIENT_FUNDS",
                         *             "iso_code": "AM04",
                         *             "detail": "string"
                         *           },
                         *           "debtor_account_id": "string",
                         *           "creditor": {
                         *             "name": "Budget Buddy",
                         *             "account_number": "string",
                         *             "bank_code": "string",
                         *             "mobile_number": "string"
                         *           },
                         *           "amount": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "fee": {
                         *             "amount": "1500.00",
                         *             "currency": "KES"
                         *           },
                         *           "reference": "INV-2026-001",
                         *           "description": "Groceries",
                         *           "status_history": [
                         *             {
                         *               "at": "2026-01-15T09:30:00Z",
                         *               "status": "pending",
                         *               "iso_status": "ACSC",
                         *               "reason_code": "string",
                         *               "reason": "string"
                         *             }
                         *           ],
                         *           "created_at": "2026-01-15T09:30:00Z",
                         *           "updated_at": "2026-01-15T09:30:00Z",
                         *           "links": {
                         *             "self": "string"
                         *           }
                         *         }
                         *       ],
                         *       "links": {
                         *         "self": "string",
                         *         "next": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            data: {
                                amount: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                creditor: {
                                    account_number?: string;
                                    bank_code?: string;
                                    mobile_number?: string;
                                    name: string;
                                };
                                debtor_account_id: string;
                                description: string | null;
                                fee: {
                                    /**
                                     * @description Decimal string with the currency scale, for example `1500.00`
                                     * @example 1500.00
                                     */
                                    amount: string;
                                    /**
                                     * @description ISO 4217 code
                                     * @example KES
                                     */
                                    currency: string;
                                };
                                /** @example pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9 */
                                id: string;
                                /**
                                 * @description ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)
                                 * @example ACSC
                                 */
                                iso_status: string;
                                links: {
                                    self: string;
                                };
                                reference: string;
                                /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                                status: "pending" | "under_review" | "completed" | "rejected";
                                /** @description Every status change, oldest first */
                                status_history: {
                                    /** Format: date-time */
                                    at: string;
                                    /**
                                     * @description ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)
                                     * @example ACSC
                                     */
                                    iso_status: string;
                                    reason: string;
                                    reason_code: string | null;
                                    /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                                    status: "pending" | "under_review" | "completed" | "rejected";
                                }[];
                                /** @description Why the payment was rejected */
                                status_reason: {
                                    /** @example INSUFFICIENT_FUNDS */
                                    code: string;
                                    detail: string;
                                    /**
                                     * @description ISO 20022 status reason
                                     * @example AM04
                                     */
                                    iso_code: string;
                                } | null;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            links: {
                                next: string | null;
                                self: string;
                            };
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Pay from an account the consent covers
         * @description Validated, scored by the risk engine and the fraud system, then booked. The answer is 201 with the payment as it stands: `completed` (the balance and transactions show it at once), `under_review` (funds held until an operator decides) or `rejected` (with `status_reason`). Retries with the same `Idempotency-Key` never pay twice.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required. 1–40 printable characters, unique per payment for your app: a retry with the same key and body gets the first answer again; the same key with another body is a 422; while the first is in progress, a 409. Keys are kept at least 24 hours. */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "debtor_account_id": "acc_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                     *       "creditor": {
                     *         "name": "Budget Buddy",
                     *         "account_number": "string",
                     *         "bank_code": "string",
                     *         "mobile_number": "string"
                     *       },
                     *       "amount": {
                     *         "amount": "1500.00",
                     *         "currency": "KES"
                     *       },
                     *       "reference": "INV-2026-001",
                     *       "description": "Groceries"
                     *     }
                     */
                    "application/json": {
                        amount: {
                            /**
                             * @description Decimal string with the currency scale, for example `1500.00`
                             * @example 1500.00
                             */
                            amount: string;
                            /**
                             * @description ISO 4217 code
                             * @example KES
                             */
                            currency: string;
                        };
                        creditor: {
                            /** @description With `bank_code`: a bank account */
                            account_number?: string;
                            /** @description The creditor's bank; this bank's own code credits the account inside the bank */
                            bank_code?: string;
                            /** @description Instead of an account: a mobile-money wallet (E.164, e.g. `+254712345678`) */
                            mobile_number?: string;
                            name: string;
                        };
                        /** @description The account to pay from; the consent must cover it */
                        debtor_account_id: string;
                        description?: string;
                        /** @description Your reference for the payment (ISO 20022 end-to-end id length) */
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "status": "pending",
                         *       "iso_status": "ACSC",
                         *       "status_reason": {
                         *         "code": "INSUFFICIENT_FUNDS",
                         *         "iso_code": "AM04",
                         *         "detail": "string"
                         *       },
                         *       "debtor_account_id": "string",
                         *       "creditor": {
                         *         "name": "Budget Buddy",
                         *         "account_number": "string",
                         *         "bank_code": "string",
                         *         "mobile_number": "string"
                         *       },
                         *       "amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "fee": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "reference": "INV-2026-001",
                         *       "description": "Groceries",
                         *       "status_history": [
                         *         {
                         *           "at": "2026-01-15T09:30:00Z",
                         *           "status": "pending",
                         *           "iso_status": "ACSC",
                         *           "reason_code": "string",
                         *           "reason": "string"
                         *         }
                         *       ],
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "links": {
                         *         "self": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            amount: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            creditor: {
                                account_number?: string;
                                bank_code?: string;
                                mobile_number?: string;
                                name: string;
                            };
                            debtor_account_id: string;
                            description: string | null;
                            fee: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            /** @example pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9 */
                            id: string;
                            /**
                             * @description ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)
                             * @example ACSC
                             */
                            iso_status: string;
                            links: {
                                self: string;
                            };
                            reference: string;
                            /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                            status: "pending" | "under_review" | "completed" | "rejected";
                            /** @description Every status change, oldest first */
                            status_history: {
                                /** Format: date-time */
                                at: string;
                                /**
                                 * @description ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)
                                 * @example ACSC
                                 */
                                iso_status: string;
                                reason: string;
                                reason_code: string | null;
                                /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                                status: "pending" | "under_review" | "completed" | "rejected";
                            }[];
                            /** @description Why the payment was rejected */
                            status_reason: {
                                /** @example INSUFFICIENT_FUNDS */
                                code: string;
                                detail: string;
                                /**
                                 * @description ISO 20022 status reason
                                 * @example AM04
                                 */
                                iso_code: string;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/{payment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment and its status history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Payment id, `pay_…` */
                    payment_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "status": "pending",
                         *       "iso_status": "ACSC",
                         *       "status_reason": {
                         *         "code": "INSUFFICIENT_FUNDS",
                         *         "iso_code": "AM04",
                         *         "detail": "string"
                         *       },
                         *       "debtor_account_id": "string",
                         *       "creditor": {
                         *         "name": "Budget Buddy",
                         *         "account_number": "string",
                         *         "bank_code": "string",
                         *         "mobile_number": "string"
                         *       },
                         *       "amount": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "fee": {
                         *         "amount": "1500.00",
                         *         "currency": "KES"
                         *       },
                         *       "reference": "INV-2026-001",
                         *       "description": "Groceries",
                         *       "status_history": [
                         *         {
                         *           "at": "2026-01-15T09:30:00Z",
                         *           "status": "pending",
                         *           "iso_status": "ACSC",
                         *           "reason_code": "string",
                         *           "reason": "string"
                         *         }
                         *       ],
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "links": {
                         *         "self": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            amount: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            creditor: {
                                account_number?: string;
                                bank_code?: string;
                                mobile_number?: string;
                                name: string;
                            };
                            debtor_account_id: string;
                            description: string | null;
                            fee: {
                                /**
                                 * @description Decimal string with the currency scale, for example `1500.00`
                                 * @example 1500.00
                                 */
                                amount: string;
                                /**
                                 * @description ISO 4217 code
                                 * @example KES
                                 */
                                currency: string;
                            };
                            /** @example pay_01JD5V6Q8ZK3M2N4P5R6S7T8V9 */
                            id: string;
                            /**
                             * @description ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)
                             * @example ACSC
                             */
                            iso_status: string;
                            links: {
                                self: string;
                            };
                            reference: string;
                            /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                            status: "pending" | "under_review" | "completed" | "rejected";
                            /** @description Every status change, oldest first */
                            status_history: {
                                /** Format: date-time */
                                at: string;
                                /**
                                 * @description ISO 20022 status: PDNG (pending, or under review), ACSP (accepted, settlement in process), ACSC (settled), RJCT (rejected)
                                 * @example ACSC
                                 */
                                iso_status: string;
                                reason: string;
                                reason_code: string | null;
                                /** @description `pending → under_review → completed | rejected`, or `pending → completed | rejected` */
                                status: "pending" | "under_review" | "completed" | "rejected";
                            }[];
                            /** @description Why the payment was rejected */
                            status_reason: {
                                /** @example INSUFFICIENT_FUNDS */
                                code: string;
                                detail: string;
                                /**
                                 * @description ISO 20022 status reason
                                 * @example AM04
                                 */
                                iso_code: string;
                            } | null;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a delivery
         * @description Makes the message due now, with the same `webhook-id`; a message whose retries are used up gets one more attempt, and a delivered one is sent again. 409 while its endpoint is disabled.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A delivery id (`wdl_…`) from the delivery log, or a message id (`msg_…`, the `webhook-id`) */
                    delivery_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "msg_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "endpoint_id": "string",
                         *       "event_id": "string",
                         *       "event_type": "string",
                         *       "status": "pending",
                         *       "attempts": 0,
                         *       "next_attempt_at": "2026-01-15T09:30:00Z",
                         *       "created_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            endpoint_id: string;
                            event_id: string;
                            event_type: string;
                            /** @description Message id, `msg_…`: the `webhook-id` header of every attempt */
                            id: string;
                            next_attempt_at: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "delivered" | "failed" | "cancelled";
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "url": "https://hooks.fintech.example/wekeza",
                         *           "description": "Groceries",
                         *           "event_types": [
                         *             "payment.created"
                         *           ],
                         *           "status": "enabled",
                         *           "disabled_reason": "app",
                         *           "failing_since": "2026-01-15T09:30:00Z",
                         *           "previous_secret_expires_at": "2026-01-15T09:30:00Z",
                         *           "created_at": "2026-01-15T09:30:00Z",
                         *           "updated_at": "2026-01-15T09:30:00Z"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                description: string;
                                /** @description `app`: disabled by the app; `failing`: disabled after five days of failed deliveries */
                                disabled_reason: ("app" | "failing") | null;
                                event_types: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                                /** @description When deliveries started failing; null while healthy */
                                failing_since: string | null;
                                /** @description Webhook endpoint id, `whe_…` */
                                id: string;
                                /** @description Until when the rotated-out secret also signs */
                                previous_secret_expires_at: string | null;
                                /** @enum {unknown} */
                                status: "enabled" | "disabled";
                                /** Format: date-time */
                                updated_at: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Events of the chosen types about the app’s own consents and payments (and `transaction.posted` on accounts its consents cover with `transactions.read`) are POSTed to the URL, signed per the Standard Webhooks specification. The answer carries the signing `secret`, shown only here. The app’s token must carry `payments.write` for `payment.*` events and `transactions.read` for `transaction.posted` (else 403 INSUFFICIENT_SCOPE).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "url": "https://hooks.fintech.example/wekeza",
                     *       "event_types": [
                     *         "payment.created"
                     *       ],
                     *       "description": "Groceries"
                     *     }
                     */
                    "application/json": {
                        description?: string;
                        /** @description The event types this endpoint receives */
                        event_types: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                        /**
                         * @description https URL the events are POSTed to (http on a loopback address in sandbox mode only)
                         * @example https://hooks.fintech.example/wekeza
                         */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "url": "https://hooks.fintech.example/wekeza",
                         *       "description": "Groceries",
                         *       "event_types": [
                         *         "payment.created"
                         *       ],
                         *       "status": "enabled",
                         *       "disabled_reason": "app",
                         *       "failing_since": "2026-01-15T09:30:00Z",
                         *       "previous_secret_expires_at": "2026-01-15T09:30:00Z",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "secret": "whsec_ZXhhbXBsZS1zaWduaW5nLXNlY3JldA=="
                         *     }
                         */
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            /** @description `app`: disabled by the app; `failing`: disabled after five days of failed deliveries */
                            disabled_reason: ("app" | "failing") | null;
                            event_types: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                            /** @description When deliveries started failing; null while healthy */
                            failing_since: string | null;
                            /** @description Webhook endpoint id, `whe_…` */
                            id: string;
                            /** @description Until when the rotated-out secret also signs */
                            previous_secret_expires_at: string | null;
                            /** @description The signing secret (`whsec_…`), shown only here: verify `webhook-signature` with it */
                            secret: string;
                            /** @enum {unknown} */
                            status: "enabled" | "disabled";
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one of your webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook endpoint id, `whe_…` */
                    endpoint_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "url": "https://hooks.fintech.example/wekeza",
                         *       "description": "Groceries",
                         *       "event_types": [
                         *         "payment.created"
                         *       ],
                         *       "status": "enabled",
                         *       "disabled_reason": "app",
                         *       "failing_since": "2026-01-15T09:30:00Z",
                         *       "previous_secret_expires_at": "2026-01-15T09:30:00Z",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            /** @description `app`: disabled by the app; `failing`: disabled after five days of failed deliveries */
                            disabled_reason: ("app" | "failing") | null;
                            event_types: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                            /** @description When deliveries started failing; null while healthy */
                            failing_since: string | null;
                            /** @description Webhook endpoint id, `whe_…` */
                            id: string;
                            /** @description Until when the rotated-out secret also signs */
                            previous_secret_expires_at: string | null;
                            /** @enum {unknown} */
                            status: "enabled" | "disabled";
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Nothing more is sent to it; pending messages are cancelled.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook endpoint id, `whe_…` */
                    endpoint_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description Change the URL, the event types or the description, or disable and enable it. Enabling an endpoint that was disabled for failing gives it a fresh five days. Event types given here need the scopes they need at creation.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook endpoint id, `whe_…` */
                    endpoint_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "url": "https://hooks.fintech.example/wekeza",
                     *       "event_types": [
                     *         "payment.created"
                     *       ],
                     *       "description": "Groceries",
                     *       "status": "enabled"
                     *     }
                     */
                    "application/json": {
                        description?: string;
                        /** @description The event types this endpoint receives */
                        event_types?: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                        /**
                         * @description A disabled endpoint receives nothing; its pending messages are cancelled
                         * @enum {unknown}
                         */
                        status?: "enabled" | "disabled";
                        /**
                         * @description https URL the events are POSTed to (http on a loopback address in sandbox mode only)
                         * @example https://hooks.fintech.example/wekeza
                         */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "url": "https://hooks.fintech.example/wekeza",
                         *       "description": "Groceries",
                         *       "event_types": [
                         *         "payment.created"
                         *       ],
                         *       "status": "enabled",
                         *       "disabled_reason": "app",
                         *       "failing_since": "2026-01-15T09:30:00Z",
                         *       "previous_secret_expires_at": "2026-01-15T09:30:00Z",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            /** @description `app`: disabled by the app; `failing`: disabled after five days of failed deliveries */
                            disabled_reason: ("app" | "failing") | null;
                            event_types: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                            /** @description When deliveries started failing; null while healthy */
                            failing_since: string | null;
                            /** @description Webhook endpoint id, `whe_…` */
                            id: string;
                            /** @description Until when the rotated-out secret also signs */
                            previous_secret_expires_at: string | null;
                            /** @enum {unknown} */
                            status: "enabled" | "disabled";
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of an endpoint
         * @description Every attempt, newest first: the `webhook-id` (`message_id`), the status code, the latency, what went wrong and the first 4 KiB of the answer. Attempts are kept 30 days.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The last delivery id of the previous page */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Webhook endpoint id, `whe_…` */
                    endpoint_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "data": [
                         *         {
                         *           "id": "wdl_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *           "message_id": "string",
                         *           "event_id": "string",
                         *           "event_type": "string",
                         *           "attempt": 0,
                         *           "attempted_at": "2026-01-15T09:30:00Z",
                         *           "url": "https://hooks.fintech.example/wekeza",
                         *           "status_code": 0,
                         *           "latency_ms": 0,
                         *           "succeeded": false,
                         *           "error": "string",
                         *           "response_snippet": "string",
                         *           "message_status": "pending",
                         *           "next_attempt_at": "2026-01-15T09:30:00Z"
                         *         }
                         *       ],
                         *       "links": {
                         *         "self": "string",
                         *         "next": "string"
                         *       }
                         *     }
                         */
                        "application/json": {
                            data: {
                                /** @description 1 for the first attempt of the message */
                                attempt: number;
                                /** Format: date-time */
                                attempted_at: string;
                                /** @description What went wrong on the way (refused address, timeout, connection error) */
                                error: string | null;
                                event_id: string;
                                event_type: string;
                                /** @description Delivery id, `wdl_…` */
                                id: string;
                                latency_ms: number;
                                /** @description The `webhook-id` sent */
                                message_id: string;
                                /** @enum {unknown} */
                                message_status: "pending" | "delivered" | "failed" | "cancelled";
                                /** @description When the message is tried again, while pending */
                                next_attempt_at: string | null;
                                /** @description The first 4 KiB of the response body */
                                response_snippet: string | null;
                                /** @description Null when no answer came */
                                status_code: number | null;
                                /** @description A 2xx answer within 15 seconds */
                                succeeded: boolean;
                                url: string;
                            }[];
                            links: {
                                next: string | null;
                                self: string;
                            };
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Answers with the new secret (shown only here). Until `previous_secret_expires_at` (24 hours by default) every webhook carries two `v1,` signatures, one per secret, so receivers can switch.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook endpoint id, `whe_…` */
                    endpoint_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "overlap_seconds": 86400
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description How long the old secret keeps signing too (default 24 hours; 0 stops it at once)
                         * @default 86400
                         */
                        overlap_seconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "whe_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "url": "https://hooks.fintech.example/wekeza",
                         *       "description": "Groceries",
                         *       "event_types": [
                         *         "payment.created"
                         *       ],
                         *       "status": "enabled",
                         *       "disabled_reason": "app",
                         *       "failing_since": "2026-01-15T09:30:00Z",
                         *       "previous_secret_expires_at": "2026-01-15T09:30:00Z",
                         *       "created_at": "2026-01-15T09:30:00Z",
                         *       "updated_at": "2026-01-15T09:30:00Z",
                         *       "secret": "whsec_ZXhhbXBsZS1zaWduaW5nLXNlY3JldA=="
                         *     }
                         */
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            /** @description `app`: disabled by the app; `failing`: disabled after five days of failed deliveries */
                            disabled_reason: ("app" | "failing") | null;
                            event_types: ("payment.created" | "payment.completed" | "payment.rejected" | "payment.under_review" | "transaction.posted" | "consent.authorized" | "consent.revoked" | "consent.expired")[];
                            /** @description When deliveries started failing; null while healthy */
                            failing_since: string | null;
                            /** @description Webhook endpoint id, `whe_…` */
                            id: string;
                            /** @description Until when the rotated-out secret also signs */
                            previous_secret_expires_at: string | null;
                            /** @description The signing secret (`whsec_…`), shown only here: verify `webhook-signature` with it */
                            secret: string;
                            /** @enum {unknown} */
                            status: "enabled" | "disabled";
                            /** Format: date-time */
                            updated_at: string;
                            url: string;
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Queues a `webhook.test` event (`data.endpoint_id`, `data.message`) to the endpoint, whatever types it subscribes to, signed and retried like any other. 409 when the endpoint is disabled.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Webhook endpoint id, `whe_…` */
                    endpoint_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "msg_01JD5V6Q8ZK3M2N4P5R6S7T8V9",
                         *       "endpoint_id": "string",
                         *       "event_id": "string",
                         *       "event_type": "string",
                         *       "status": "pending",
                         *       "attempts": 0,
                         *       "next_attempt_at": "2026-01-15T09:30:00Z",
                         *       "created_at": "2026-01-15T09:30:00Z"
                         *     }
                         */
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            endpoint_id: string;
                            event_id: string;
                            event_type: string;
                            /** @description Message id, `msg_…`: the `webhook-id` header of every attempt */
                            id: string;
                            next_attempt_at: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "delivered" | "failed" | "cancelled";
                        };
                    };
                };
                /** @description Problem */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
                /** @description Problem */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
                            code: string;
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                                path: string;
                            }[];
                            /** @description The request path */
                            instance: string;
                            request_id: string;
                            status: number;
                            title: string;
                            /** @description A URI identifying the problem type */
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldError: {
            message: string;
            /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
            path: string;
        };
        /** @description RFC 9457 problem document */
        Problem: {
            /** @description Stable machine-readable error code, for example `INSUFFICIENT_FUNDS` */
            code: string;
            detail: string;
            errors?: {
                message: string;
                /** @description JSON pointer to the bad field, for example `/body/amount/amount` */
                path: string;
            }[];
            /** @description The request path */
            instance: string;
            request_id: string;
            status: number;
            title: string;
            /** @description A URI identifying the problem type */
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
