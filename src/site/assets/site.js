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
})()
