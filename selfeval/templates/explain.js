(function(){
var fields={};
document.querySelectorAll('.f[data-slots]').forEach(function(el){
 var form=el.closest('section').dataset.form;
 el.dataset.slots.split(' ').forEach(function(s){if(s){(fields[form+'|'+s]=fields[form+'|'+s]||[]).push(el);}});
});
function clear(){document.querySelectorAll('.hl,.sel').forEach(function(e){e.classList.remove('hl','sel');});}
function show(line){var pane=line.closest('.src');if(pane){pane.scrollTop=Math.max(0,line.offsetTop-60);}}
function into(el){var r=el.getBoundingClientRect();if(r.top<0||r.bottom>window.innerHeight){el.scrollIntoView({block:'center'});}}
function selectField(el){
 clear();el.classList.add('sel');var first=null;
 (el.dataset.lines||'').split(' ').forEach(function(n){var l=n&&document.getElementById('l'+n);
  if(l){l.classList.add('hl');first=first||l;}});
 if(first){show(first);}
 var s=el.dataset.slots.split(' ')[0];
 history.replaceState(null,'','#select=form'+el.closest('section').dataset.form+'.'+s);
}
function selectLine(line){
 clear();line.classList.add('sel');var form=line.closest('section').dataset.form;
 (line.dataset.slots||'').split(' ').forEach(function(s){(fields[form+'|'+s]||[]).forEach(function(f){f.classList.add('hl');});});
 history.replaceState(null,'','#select=line'+line.dataset.no);
}
document.addEventListener('click',function(e){
 var f=e.target.closest('.f[data-slots]');if(f){selectField(f);return;}
 var l=e.target.closest('.ln');if(l){selectLine(l);}
});
function fromHash(){
 var h=decodeURIComponent(location.hash.slice(1));if(h.indexOf('select=')!==0){return;}
 var t=h.slice(7),m=/^form(\d+)\.(.+)$/.exec(t),el;
 if(m){el=(fields[m[1]+'|'+m[2]]||[])[0];if(el){selectField(el);into(el);}return;}
 m=/^line(\d+)$/.exec(t);el=m&&document.getElementById('l'+m[1]);
 if(el){selectLine(el);show(el);into(el.closest('.src'));}
}
window.addEventListener('hashchange',fromHash);fromHash();
var box=document.getElementById('doubtful');
if(box){box.addEventListener('change',function(){document.body.classList.toggle('doubtful',box.checked);});}
document.body.setAttribute('data-ready','1');
})();
