CREATE TABLE "resource_braille" (
	"resource_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"braille" text NOT NULL,
	"source_hash" text NOT NULL,
	"corrected_by_id" uuid,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_braille_resource_id_scheme_pk" PRIMARY KEY("resource_id","scheme")
);
--> statement-breakpoint
ALTER TABLE "resource_braille" ADD CONSTRAINT "resource_braille_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_braille" ADD CONSTRAINT "resource_braille_corrected_by_id_users_id_fk" FOREIGN KEY ("corrected_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;