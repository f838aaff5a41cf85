CREATE TABLE "sign_term_links" (
	"term_id" uuid NOT NULL,
	"related_id" uuid NOT NULL,
	CONSTRAINT "sign_term_links_term_id_related_id_pk" PRIMARY KEY("term_id","related_id"),
	CONSTRAINT "sign_term_links_not_self" CHECK ("sign_term_links"."term_id" <> "sign_term_links"."related_id")
);
--> statement-breakpoint
CREATE TABLE "sign_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"word" text NOT NULL,
	"pinyin" text NOT NULL,
	"initials" text NOT NULL,
	"category" text NOT NULL,
	"handshape" text DEFAULT '' NOT NULL,
	"movement" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"video_asset_id" uuid,
	"content_key" text,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_terms_word_not_blank" CHECK (length(trim("sign_terms"."word")) > 0)
);
--> statement-breakpoint
ALTER TABLE "sign_term_links" ADD CONSTRAINT "sign_term_links_term_id_sign_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."sign_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_term_links" ADD CONSTRAINT "sign_term_links_related_id_sign_terms_id_fk" FOREIGN KEY ("related_id") REFERENCES "public"."sign_terms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_terms" ADD CONSTRAINT "sign_terms_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_terms" ADD CONSTRAINT "sign_terms_video_asset_id_media_assets_id_fk" FOREIGN KEY ("video_asset_id") REFERENCES "public"."media_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_terms" ADD CONSTRAINT "sign_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_terms" ADD CONSTRAINT "sign_terms_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_term_links_related" ON "sign_term_links" USING btree ("related_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_terms_district_word" ON "sign_terms" USING btree ("district_id","word");--> statement-breakpoint
CREATE INDEX "sign_terms_district_category" ON "sign_terms" USING btree ("district_id","category");