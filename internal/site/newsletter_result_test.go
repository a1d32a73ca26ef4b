package site

import "github.com/kz30/kz30/internal/diag"

// nlSplit spreads what Newsletter returns into the message, the warnings
// and the error, checking the convention of every entry point: a result
// even on error.
func nlSplit(r *NewsletterResult, err error) ([]byte, diag.List, error) {
	if r == nil {
		panic("Newsletter returned a nil result")
	}
	return r.Message, r.Warnings, err
}
