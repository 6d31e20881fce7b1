// Progressive enhancement only: every page works without this file.
;(function () {
  'use strict'
  var KEY = 'site:audience'

  // Audience choice: the stylesheet already shows the checked version; this remembers the choice
  // and follows links (search results, shared URLs) into a version that is not the checked one.
  var choice = document.querySelector('[data-audience-choice]')
  if (choice) {
    var inputs = choice.querySelectorAll('input[type="radio"]')
    var select = function (value) {
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].value === value) return (inputs[i].checked = true)
      }
      return false
    }
    var followHash = function () {
      var id = ''
      try {
        id = decodeURIComponent(location.hash.slice(1))
      } catch {
        return false
      }
      var target = id && document.getElementById(id)
      var version = target && target.closest('[data-audience]')
      if (!version || !select(version.getAttribute('data-audience'))) return false
      target.scrollIntoView()
      return true
    }
    if (!followHash()) {
      try {
        select(localStorage.getItem(KEY) || '')
      } catch {
        // Storage can be disabled; the default version stays.
      }
    }
    choice.addEventListener('change', function (event) {
      try {
        localStorage.setItem(KEY, event.target.value)
      } catch {
        // Not remembered, still switched.
      }
    })
    window.addEventListener('hashchange', followHash)
  }

  // Follow-up questions: the form shows only with this script (else the settings' link does).
  var form = document.querySelector('form[data-question-form]')
  if (form && window.fetch) {
    var status = form.querySelector('[role="status"]')
    form.hidden = false
    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var data = {}
      new FormData(form).forEach(function (v, k) {
        data[k] = String(v)
      })
      var say = function (text) {
        status.textContent = text
      }
      say('Sending…')
      fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data),
      })
        .then(function (res) {
          return res.json().then(function (body) {
            if (res.ok) form.reset()
            say(body.message || body.errors[0].message)
          })
        })
        .catch(function () {
          say('The question could not be sent. Please try again.')
        })
    })
  }
})()
