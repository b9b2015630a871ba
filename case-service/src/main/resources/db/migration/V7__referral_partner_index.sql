-- A partner's own system lists the referrals made to it (GET /api/partner/referrals).
CREATE INDEX ix_referral_partner ON referral (partner_id, referred_at);
